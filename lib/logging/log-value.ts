import { capText } from '../shared/text-cap.js';

/** The most characters of one caller-supplied value in a log line or an audit record. */
export const MAX_LOG_VALUE = 128;

/* eslint-disable no-control-regex -- matching control characters is the point of these patterns */
/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators: what can break or forge a line. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g;
/** In a `key=value` field also white space and quotes, so a value cannot pose as another field. */
const FIELD_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\\s"]/g;
/* eslint-enable no-control-regex */

const escape = (c: string) => (c === '\\' ? '\\\\' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** True when `value` holds a character that could break a log line (a caller's id is refused for it). */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/**
 * A caller-supplied value as it may appear in an audit record: capped at `MAX_LOG_VALUE` characters, control
 * characters and backslashes escaped (`\u000a`, `\\`), so one value is one line and never a megabyte.
 */
export function logValue(value: unknown): string {
  return capText(String(value), MAX_LOG_VALUE).replace(CONTROL_OR_BACKSLASH, escape);
}

/** A caller-supplied value as a `key=value` field of a log line: as `logValue`, white space and quotes escaped too. */
export function logField(value: unknown): string {
  return capText(String(value), MAX_LOG_VALUE).replace(FIELD_UNSAFE, escape);
}
