import type { ServerResponse } from 'node:http';
import { Test } from '@nestjs/testing';
import {
  ALTINN_TOKEN_PROVIDER,
  AltinnAuthError,
  AltinnNotificationsModule,
  MaskinportenTokenProvider,
  type AltinnTokenProvider,
} from '../../lib/index.js';
import { HostileTokenServer, type Handler } from '../auth/support/hostile-token-server.js';
import { rsaKey } from '../auth/support/maskinporten-keys.js';

// Issue 12, item 5: the token client buffered whatever Maskinporten or the exchange sent, until its timeout
// (gigabytes on loopback). Now it stops reading at maxResponseBytes (default 1 MiB) with a typed error.

const key = rsaKey();
const MiB = 1024 * 1024;

/** A Maskinporten client whose token calls go to the hostile server. */
const clientOf = (server: HostileTokenServer) => ({
  clientId: 'client',
  privateKey: key.pkcs8Pem,
  keyId: 'kid',
  tokenUrl: server.tokenUrl,
  audience: 'http://127.0.0.1/',
  exchangeUrl: server.exchangeUrl,
});

/** A 200 whose body never ends: 64 kB chunks as fast as the client reads them, until it hangs up. */
function endless(sent: { bytes: number; closed: boolean }): Handler {
  return (_req, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"access_token":"');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!res.destroyed) {
        sent.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    res.on('close', () => (sent.closed = true));
    pump();
  };
}

describe('an endless token answer', () => {
  it.each([
    ['Maskinporten', 'token'],
    ['Altinn token exchange', 'exchange'],
  ] as const)(
    'from %s stops at the cap with AltinnAuthError; memory stays bounded',
    async (step, endpoint) => {
      const sent = { bytes: 0, closed: false };
      const server = await HostileTokenServer.start({ [endpoint]: endless(sent) });
      const heapBefore = process.memoryUsage().heapUsed;
      try {
        const provider = new MaskinportenTokenProvider({
          ...clientOf(server),
          timeoutMs: 20_000,
          logger: false,
        });
        const error = await provider.getToken().then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(error).toBeInstanceOf(AltinnAuthError);
        expect(error).toMatchObject({
          message: `${step} answered more than ${MiB} bytes; stopped reading`,
          retryable: false,
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        // The client hung up: what it could have held is what the server got rid of, socket buffers included.
        expect(sent.closed).toBe(true);
        expect(sent.bytes).toBeLessThan(16 * MiB);
        expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * MiB);
      } finally {
        await server.close();
      }
    },
  );

  it('honours a smaller maxResponseBytes', async () => {
    const sent = { bytes: 0, closed: false };
    const server = await HostileTokenServer.start({ token: endless(sent) });
    try {
      const provider = new MaskinportenTokenProvider({
        ...clientOf(server),
        maxResponseBytes: 64 * 1024,
        logger: false,
      });
      await expect(provider.getToken()).rejects.toThrow('Maskinporten answered more than 65536 bytes');
    } finally {
      await server.close();
    }
  });

  it("the module's maxResponseBytes caps the token answers of its maskinporten shorthand too", async () => {
    const server = await HostileTokenServer.start({ token: endless({ bytes: 0, closed: false }) });
    const ref = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: 'http://127.0.0.1:9',
          maxResponseBytes: 64 * 1024,
          tokenPrefetch: false,
          logging: false,
          maskinporten: clientOf(server),
        }),
      ],
    }).compile();
    try {
      const provider = ref.get<AltinnTokenProvider>(ALTINN_TOKEN_PROVIDER);
      await expect(provider.getToken()).rejects.toThrow('Maskinporten answered more than 65536 bytes');
    } finally {
      await ref.close();
      await server.close();
    }
  });
});
