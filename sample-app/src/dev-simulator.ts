/**
 * The guard of the dev recipe, independent of the library (copy it into your own app): the embedded simulator runs
 * only when asked for by name (`ALTINN_ENV=simulator`), never under `NODE_ENV=production`, and never beside real
 * Maskinporten credentials, where it would silently swallow the messages meant for real people.
 */
export const MASKINPORTEN_VARIABLES = [
  'MASKINPORTEN_CLIENT_ID',
  'MASKINPORTEN_KEY_ID',
  'MASKINPORTEN_PRIVATE_KEY',
  'MASKINPORTEN_CERTIFICATE_CHAIN',
] as const;

export function assertSimulatorAllowed(env: Readonly<Record<string, string | undefined>>): void {
  if (env.NODE_ENV?.trim().toLowerCase() === 'production') {
    throw new Error(
      'ALTINN_ENV=simulator is refused when NODE_ENV=production: set ALTINN_ENV=tt02 or production',
    );
  }
  const set = MASKINPORTEN_VARIABLES.filter((name) => env[name]?.trim());
  if (set.length > 0) {
    throw new Error(
      `ALTINN_ENV=simulator is refused while ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set: ` +
        'those are for the real Altinn (ALTINN_ENV=tt02 or production)',
    );
  }
}
