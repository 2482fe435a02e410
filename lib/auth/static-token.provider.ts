import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import type { AltinnTokenProvider } from './token-provider.interfaces.js';

/** A fixed token: for tests, scripts, or tokens managed outside the app. */
export class StaticTokenProvider implements AltinnTokenProvider {
  readonly #token: string;

  constructor(token: string) {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new AltinnConfigurationError('token', 'must be a non-empty string', 'StaticTokenProvider');
    }
    this.#token = token;
  }

  getToken(): Promise<string> {
    return Promise.resolve(this.#token);
  }
}
