import {
  ALTINN_MAX_SEGMENTS,
  ALTINN_SEGMENT_LENGTH,
  ALTINN_SINGLE_SMS_LENGTH,
  GSM7_BASIC,
  GSM7_EXTENSION,
} from './gsm7.constants.js';

/** What an SMS body costs, by Altinn's count and by the GSM-7 / UCS-2 view a handset sees. */
export interface SmsSegmentCount {
  /**
   * Messages Altinn counts (and bills) for the body: URL-encoded length ≤ 160 → 1, otherwise
   * `ceil(length / 134)`, capped at 16.
   */
  segments: number;
  /** Messages the body would need without the cap; above 16 the gateway drops the rest. */
  requiredSegments: number;
  /** Length of the body after .NET `HttpUtility.UrlEncode` (UTF-8): what Altinn's rule measures. */
  urlEncodedLength: number;
  /** True when the gateway would cut the body: more than 16 × 134 URL-encoded characters. */
  truncated: boolean;
  /** `GSM-7` when every character is in the GSM 03.38 tables, otherwise `UCS-2`. */
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7; extension characters count 2) or UTF-16 code units (UCS-2). */
  units: number;
  /** Parts under standard concatenation: GSM-7 160 / 153 per part, UCS-2 70 / 67. */
  standardSegments: number;
  /** Distinct characters outside GSM-7 (e.g. emoji), in order of first use: why a body is UCS-2. */
  nonGsmCharacters: string[];
}

/** Counts the SMS segments of a body. Pure: no I/O, no Nest. */
export function countSmsSegments(body: string): SmsSegmentCount {
  const urlEncodedLength = dotnetUrlEncodedLength(body);
  const requiredSegments = altinnSegments(urlEncodedLength);
  const chars = Array.from(body);
  const nonGsmCharacters = [...new Set(chars.filter((c) => !GSM7_BASIC.has(c) && !GSM7_EXTENSION.has(c)))];
  const encoding = nonGsmCharacters.length === 0 ? 'GSM-7' : 'UCS-2';
  // Per character: septets, or UTF-16 code units (a surrogate pair is two, and is never split across parts).
  const sizes = chars.map((c) => (encoding === 'GSM-7' ? (GSM7_EXTENSION.has(c) ? 2 : 1) : c.length));
  const [single, part] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  return {
    segments: Math.min(requiredSegments, ALTINN_MAX_SEGMENTS),
    requiredSegments,
    urlEncodedLength,
    truncated: requiredSegments > ALTINN_MAX_SEGMENTS,
    encoding,
    units: sizes.reduce((a, b) => a + b, 0),
    standardSegments: pack(sizes, single, part),
    nonGsmCharacters,
  };
}

/**
 * .NET `HttpUtility.UrlEncode`: letters, digits and `-_.!*()` stay, space becomes `+`, every other UTF-8 byte
 * becomes `%xx`. Lone surrogates become U+FFFD in both .NET and Node, so they count 9.
 */
function dotnetUrlEncodedLength(body: string): number {
  let length = 0;
  for (const byte of Buffer.from(body, 'utf8')) length += URL_SAFE[byte] ? 1 : 3;
  return length;
}

/** Bytes `UrlEncode` keeps as one character, as a table: every send checks its body. */
const URL_SAFE = (() => {
  const table = new Uint8Array(256);
  const safe = (byte: number) =>
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x20 || // space → '+'
    '-_.!*()'.includes(String.fromCharCode(byte));
  for (let byte = 0; byte < 256; byte++) table[byte] = safe(byte) ? 1 : 0;
  return table;
})();

/** Altinn's count: URL-encoded length ≤ 160 → 1, otherwise `ceil(length / 134)` (uncapped). */
function altinnSegments(urlEncodedLength: number): number {
  return urlEncodedLength <= ALTINN_SINGLE_SMS_LENGTH
    ? 1
    : Math.ceil(urlEncodedLength / ALTINN_SEGMENT_LENGTH);
}

/** Fills parts greedily without splitting a character (an escape pair or a surrogate pair). */
function pack(sizes: number[], single: number, part: number): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= single) return 1;
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return parts;
}

/** @internal Why a body exceeds `maxSmsSegments`, or undefined. Never echoes the body. */
export function smsSegmentLimitViolation(body: string, maxSegments: number): string | undefined {
  // Only Altinn's count matters here; the handset view of countSmsSegments is not worth its cost on every send.
  const urlEncodedLength = dotnetUrlEncodedLength(body);
  const requiredSegments = altinnSegments(urlEncodedLength);
  if (requiredSegments <= maxSegments) return undefined;
  const cut = requiredSegments > ALTINN_MAX_SEGMENTS ? '; the gateway would silently cut it' : '';
  return `needs ${requiredSegments} SMS segments by Altinn's count (URL-encoded length ${urlEncodedLength}), more than maxSmsSegments ${maxSegments}${cut}`;
}
