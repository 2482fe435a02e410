import { ATTR } from './telemetry.constants.js';

const ALTINN_CODE = /^NOT-\d{5}$/;

/**
 * @internal What a span or a metric may say of a failure: the error's class (`error.type`) and Altinn's error code.
 * Never the message: server text and a custom provider's messages may hold anything.
 */
export function errorAttributes(err: unknown): Record<string, string> {
  const e = err as { name?: unknown; code?: unknown } | undefined;
  const name = typeof e?.name === 'string' && /^\w{1,64}$/.test(e.name) ? e.name : '_OTHER';
  return {
    [ATTR.errorType]: name,
    ...(typeof e?.code === 'string' && ALTINN_CODE.test(e.code) && { [ATTR.errorCode]: e.code }),
  };
}
