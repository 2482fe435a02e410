/** How Altinn renders an email body. */
export type EmailContentType = 'Plain' | 'Html';

/** An instant SMS order, in the JSON shape of the Altinn guide. */
export interface InstantSmsOrder {
  /** One per logical message; a UUID is generated when omitted and reused for every retry of the call. */
  idempotencyId?: string;
  sendersReference?: string;
  recipientSms: {
    phoneNumber: string;
    /** 60–172800; for a one-time code, the code's lifetime. */
    timeToLiveInSeconds: number;
    smsSettings: { sender?: string; body: string };
  };
}

/** An instant email order, in the JSON shape of the Altinn guide. */
export interface InstantEmailOrder {
  idempotencyId?: string;
  sendersReference?: string;
  recipientEmail: {
    emailAddress: string;
    emailSettings: {
      subject: string;
      body: string;
      senderEmailAddress?: string;
      /** @default 'Plain' */
      contentType?: EmailContentType;
    };
  };
}

/** @internal What goes on the wire, after validation, defaults and normalisation. */
export type WireSmsOrder = InstantSmsOrder & { idempotencyId: string };
/** @internal */
export type WireEmailOrder = InstantEmailOrder & { idempotencyId: string };
