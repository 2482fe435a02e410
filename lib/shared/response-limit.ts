import { AxiosError, isAxiosError } from 'axios';

/**
 * @internal axios stopped reading an answer at `maxContentLength`. Told by its own words: the code alone
 * (`ERR_BAD_RESPONSE`) is shared with a body that was cut off by a reset.
 */
export function exceededMaxContentLength(err: unknown): boolean {
  return (
    isAxiosError(err) &&
    err.code === AxiosError.ERR_BAD_RESPONSE &&
    /^maxContentLength size of -?\d+ exceeded/.test(err.message)
  );
}
