import { AltinnApiError, AltinnAuthError, AltinnRequestError } from '../errors/altinn-notifications.error.js';

/** @internal 404 `NOT-00003` ("Shipment not found") to the probe: authenticated and answered. */
export function isProbeAnswer(err: unknown): boolean {
  return err instanceof AltinnApiError && err.status === 404 && err.code === 'NOT-00003';
}

/** @internal Why the check failed, for an operator; no token, no provider error text. `status` is terminus's own key. */
export function describeHealthFailure(
  err: unknown,
  timeoutMs: number,
): { reason: string; message: string; httpStatus?: number; code?: string } {
  if (err instanceof AltinnAuthError) {
    return {
      reason: 'token',
      message: 'no Altinn token could be had',
      httpStatus: err.status,
      code: err.error,
    };
  }
  if (err instanceof AltinnRequestError) {
    return err.reason === 'network'
      ? { reason: 'unreachable', message: 'Altinn could not be reached', code: err.code }
      : { reason: 'timeout', message: `no answer within ${timeoutMs} ms` };
  }
  if (err instanceof AltinnApiError) {
    const message =
      err.status === 401 || err.status === 403
        ? 'Altinn rejected the token'
        : err.status === 404
          ? 'no shipment endpoint at baseUrl'
          : 'Altinn answered with an error';
    return { reason: 'api', message, httpStatus: err.status, code: err.code };
  }
  // E.g. the named registration does not exist (ModuleRef throws).
  return { reason: 'setup', message: err instanceof Error ? err.message : 'unknown error' };
}
