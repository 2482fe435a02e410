import type { AltinnTokenProvider } from './token-provider.interfaces.js';

/** A fixed token: for tests, scripts, or tokens managed outside the app. */
export class StaticTokenProvider implements AltinnTokenProvider {
  readonly #token: string;

  constructor(token: string) {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new TypeError('StaticTokenProvider needs a non-empty token');
    }
    this.#token = token;
  }

  getToken(): Promise<string> {
    return Promise.resolve(this.#token);
  }
}
