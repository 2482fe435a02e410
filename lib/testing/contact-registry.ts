import { isValidPhoneNumber } from './simulator.rules.js';

/** What KRR (persons) or the official register (organisations) knows about a recipient. */
export interface PersonContact {
  mobile?: string;
  email?: string;
  /** Reserved against electronic contact in KRR: no 422, but `*_Failed_RecipientReserved` unless `ignoreReservation`. */
  reserved?: boolean;
}

export interface OrganisationContact {
  /** Official notification addresses; an organisation may have several of each. */
  emails?: readonly string[];
  mobiles?: readonly string[];
}

/** Addresses a lookup found; empty lists mean "no contact point" for that channel. */
export interface ContactPoints {
  emails: string[];
  mobiles: string[];
  reserved: boolean;
}

const IDPORTEN_EMAIL = 'urn:altinn:person:idporten-email:';

/**
 * The contact registry the test fills in, standing in for KRR, the organisation register and Altinn Profile
 * (`CORE/Services/ContactPointService.cs`). A person unknown to it has no contact point.
 */
export class ContactRegistry {
  private readonly persons = new Map<string, PersonContact>();
  private readonly organisations = new Map<string, OrganisationContact>();
  private readonly identities = new Map<string, PersonContact>();

  /** Sets (replaces) what KRR holds for an 11-digit national identity number. */
  setPerson(nationalIdentityNumber: string, contact: PersonContact): this {
    this.persons.set(nationalIdentityNumber, { ...contact });
    return this;
  }

  /** Sets (replaces) an organisation's official notification addresses by its 9-digit number. */
  setOrganisation(orgNumber: string, contact: OrganisationContact): this {
    this.organisations.set(orgNumber, {
      emails: [...(contact.emails ?? [])],
      mobiles: [...(contact.mobiles ?? [])],
    });
    return this;
  }

  /** Sets the profile of an external identity (`urn:altinn:party:username:…` etc.). ID-porten e-mail URNs need none. */
  setExternalIdentity(urn: string, contact: Omit<PersonContact, 'reserved'>): this {
    this.identities.set(urn, { ...contact });
    return this;
  }

  remove(id: string): this {
    this.persons.delete(id);
    this.organisations.delete(id);
    this.identities.delete(id);
    return this;
  }

  clear(): void {
    this.persons.clear();
    this.organisations.clear();
    this.identities.clear();
  }

  person(nin: string): ContactPoints {
    const p = this.persons.get(nin);
    return points(p?.email ? [p.email] : [], p?.mobile ? [p.mobile] : [], p?.reserved ?? false);
  }

  organisation(orgNumber: string): ContactPoints {
    const o = this.organisations.get(orgNumber);
    return points([...(o?.emails ?? [])], [...(o?.mobiles ?? [])], false);
  }

  externalIdentity(urn: string): ContactPoints {
    if (urn.toLowerCase().startsWith(IDPORTEN_EMAIL))
      return points([urn.slice(IDPORTEN_EMAIL.length)], [], false);
    const p = this.identities.get(urn);
    return points(p?.email ? [p.email] : [], p?.mobile ? [p.mobile] : [], false);
  }
}

/** Only valid mobile numbers count as an SMS contact point. */
function points(emails: string[], mobiles: string[], reserved: boolean): ContactPoints {
  return {
    emails: emails.filter((e) => e.trim() !== ''),
    mobiles: mobiles.filter(isValidPhoneNumber),
    reserved,
  };
}
