import { AltinnRequestError } from '../errors/altinn-notifications.error.js';

/**
 * @internal One request shared by every caller of one idempotencyId (two concurrent first requests would make
 * Altinn send twice). It runs on a signal of its own, aborted only when every caller has left: a caller that
 * joined without a signal keeps it going, whatever the others do.
 */
export class SharedCall<R> {
  /**
   * None when the first caller has no signal: it never leaves, so nothing could abort the request (and axios
   * would listen on a signal per send for nothing).
   */
  private readonly controller: AbortController | undefined;
  private waiting = 0;
  readonly promise: Promise<R>;

  /** `first` is the signal of the caller that starts the request, who then `join`s like every other. */
  constructor(
    start: (signal: AbortSignal | undefined) => Promise<R>,
    private readonly site: { method: string; path: string },
    first: AbortSignal | undefined,
  ) {
    this.controller = first ? new AbortController() : undefined;
    this.promise = start(this.controller?.signal);
  }

  /**
   * The result for one more caller. Its abort ends only its own wait, unless it is the last one waiting: then the
   * request is aborted and the caller gets the request's own `AltinnRequestError` (with its attempts).
   */
  join(signal: AbortSignal | undefined): Promise<R> {
    this.waiting++;
    if (!signal) return this.promise;
    return new Promise<R>((resolve, reject) => {
      const onAbort = () => {
        if (--this.waiting === 0) this.controller?.abort();
        else
          reject(
            new AltinnRequestError('aborted', { ...this.site, attempts: 0, detail: 'aborted by the caller' }),
          );
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      this.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
