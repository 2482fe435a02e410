/**
 * @internal A bad Maskinporten option. `option` is the name inside the options object (e.g. `privateKey`), so the
 * module can report it as `maskinporten.privateKey`. The message never holds the value.
 */
export class MaskinportenOptionError extends TypeError {
  override name = 'MaskinportenOptionError';

  constructor(
    readonly option: string,
    readonly problem: string,
  ) {
    super(`MaskinportenTokenProvider: option "${option}" ${problem}`);
  }
}
