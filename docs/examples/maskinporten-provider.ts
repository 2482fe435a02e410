import { MaskinportenTokenProvider } from 'nestjs-altinn-notifications';

const tokens = new MaskinportenTokenProvider({
  environment: 'production',
  clientId: process.env.MASKINPORTEN_CLIENT_ID!,
  keyId: process.env.MASKINPORTEN_KEY_ID!,
  privateKey: process.env.MASKINPORTEN_PRIVATE_KEY!,
});
const altinnToken = await tokens.getToken(); // cached, one refresh at a time
tokens.invalidate(altinnToken); // after a 401: drops that token only, one per 10 s (invalidate() drops any)
