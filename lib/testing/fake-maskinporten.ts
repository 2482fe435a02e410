import { randomUUID, type KeyObject } from 'node:crypto';
import { checkGrantClaims, GrantRejected } from './maskinporten.claims.js';
import { jsonReply, type Reply } from './simulator.http.js';
import type { MaskinportenClientRegistration } from './simulator.interfaces.js';
import { decodeJws, verifyJws, type DecodedJws } from './simulator.jws.js';
import { certificateKey, sameKey, toPublicKeyObject } from './simulator.keys.js';
import { CREATE_SCOPE, DEFAULT_ORG_NUMBER, type SigningKey } from './simulator.tokens.js';

interface RegisteredClient {
  clientId: string;
  key: KeyObject;
  keyId?: string;
  certificateChainRequired: boolean;
  scopes: ReadonlySet<string>;
  orgNumber: string;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/** `POST /maskinporten/token`: the JWT-bearer grant checks Maskinporten documents, on registered clients. */
export class FakeMaskinporten {
  private readonly clients = new Map<string, RegisteredClient>();
  private readonly usedJtis = new Set<string>();

  constructor(
    readonly issuer: string,
    private readonly signingKey: SigningKey,
    private readonly lifetimeSeconds: number,
  ) {}

  register(registration: MaskinportenClientRegistration): void {
    this.clients.set(registration.clientId, {
      clientId: registration.clientId,
      key: toPublicKeyObject(registration.publicKey),
      keyId: registration.keyId,
      certificateChainRequired: registration.certificateChainRequired ?? false,
      scopes: new Set(registration.scopes ?? [CREATE_SCOPE]),
      orgNumber: registration.orgNumber ?? DEFAULT_ORG_NUMBER,
    });
  }

  clearReplayCache(): void {
    this.usedJtis.clear();
  }

  /** Answers a token request; `granted` tells the caller whether to count it. */
  async token(contentType: string | undefined, body: string): Promise<{ reply: Reply; granted: boolean }> {
    try {
      if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType ?? '')) {
        throw new GrantRejected('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
      }
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== JWT_BEARER) {
        throw new GrantRejected('invalid_request', `Unsupported grant_type, expected ${JWT_BEARER}`);
      }
      const assertion = form.get('assertion');
      if (!assertion) throw new GrantRejected('invalid_request', 'Missing assertion');
      return { reply: jsonReply(200, await this.grant(assertion)), granted: true };
    } catch (err) {
      if (!(err instanceof GrantRejected)) throw err;
      const body = { error: err.error, error_description: err.description };
      return { reply: jsonReply(400, body, { 'cache-control': 'no-store' }), granted: false };
    }
  }

  private async grant(assertion: string): Promise<object> {
    const jws = decodeJws(assertion);
    if (!jws) throw new GrantRejected('invalid_grant', 'Invalid assertion. Malformed JWT');
    const { header, claims } = jws;
    if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg)) {
      throw new GrantRejected('invalid_grant', `Invalid assertion. Unsupported alg: ${String(header.alg)}`);
    }
    const client = this.clientFor(jws);
    if (!verifyJws(jws, client.key, ALGORITHMS)) {
      throw new GrantRejected(
        'invalid_grant',
        'Invalid assertion. Client authentication failed. Invalid signature',
      );
    }
    const scope = checkGrantClaims(claims, {
      issuer: this.issuer,
      scopes: client.scopes,
      replayKey: (jti) => `${client.clientId} ${jti}`,
      usedJtis: this.usedJtis,
    });
    if (claims.jti !== undefined) this.usedJtis.add(`${client.clientId} ${String(claims.jti)}`);

    const accessToken = await this.signingKey.sign(
      {
        iss: this.issuer,
        client_amr: header.x5c ? 'virksomhetssertifikat' : 'private_key_jwt',
        token_type: 'Bearer',
        scope,
        consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${client.orgNumber}` },
        client_id: client.clientId,
        jti: randomUUID(),
        ...(claims.resource === undefined ? {} : { aud: claims.resource as string | string[] }),
      },
      this.lifetimeSeconds,
      'at+jwt',
    );
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.lifetimeSeconds, scope };
  }

  /** Finds the client by `iss` and picks its key by `kid` or by the `x5c` certificate. */
  private clientFor({ header, claims }: DecodedJws): RegisteredClient {
    const iss = claims.iss;
    if (typeof iss !== 'string') throw new GrantRejected('invalid_grant', 'Invalid assertion. Missing iss');
    const client = this.clients.get(iss);
    if (!client) throw new GrantRejected('invalid_client', 'Client not found');
    if (header.x5c !== undefined) {
      const key = certificateKey(header.x5c);
      if (!key)
        throw new GrantRejected(
          'invalid_grant',
          'Invalid assertion. x5c must be an array of base64 certificates',
        );
      if (!sameKey(key, client.key)) {
        throw new GrantRejected(
          'invalid_client',
          'Invalid assertion. Client authentication failed. Unknown certificate',
        );
      }
      return client;
    }
    if (header.kid === undefined) {
      throw new GrantRejected('invalid_grant', 'Invalid assertion. Either kid or x5c must be present');
    }
    if (client.certificateChainRequired) {
      throw new GrantRejected('invalid_client', 'Invalid assertion. This client must authenticate with x5c');
    }
    if (client.keyId === undefined || header.kid !== client.keyId) {
      throw new GrantRejected(
        'invalid_client',
        'Invalid assertion. Client authentication failed. Unknown kid',
      );
    }
    return client;
  }
}
