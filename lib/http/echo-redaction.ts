/** Any excerpt of a secret at least this long is cut; shorter ones are too common to tell apart from prose. */
const WINDOW = 12;
/** Any run of this many digits taken from a secret's digits is cut: an OTP code, a phone number reformatted. */
const DIGIT_WINDOW = 6;
/** Shorter values are left alone: cutting them would garble ordinary words in Altinn's messages. */
const MIN_LENGTH = 4;
const MARK = '[redacted]';
/**
 * Characters of one server text that are read: errors keep a few hundred anyway, and a megabyte of text must not
 * hold the event loop. The last `WINDOW` of them only serve to check what comes before, and are dropped.
 */
const MAX_SCAN = 2048;
/** Order fields that are not personal and that Altinn's own messages may rightly name. */
const PUBLIC_FIELDS = new Set([
  'idempotencyId',
  'sendersReference',
  'sender',
  'senderEmailAddress',
  'contentType',
  'sendingTimePolicy',
  'requestedSendTime',
  'channelSchema',
  // Dialogporten and resource ids: an order's ids, not a person's (and their `0000` runs would cut Altinn's codes).
  'dialogId',
  'transmissionId',
  'resourceId',
  'resourceAction',
]);
/** JSON string escapes (`\n`, `\"`, `\u00e6` …); applied up to three times for a body quoted inside JSON inside JSON. */
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * @internal A function that cuts, from server text, what a request carried that must never reach an error: the
 * token, the recipient, subject and body, and the caller's `secrets`. Altinn's own messages never quote them, but
 * a proxy or WAF in front of it may echo the request back, whole, JSON-escaped or in part.
 *
 * How, in time linear in the text: the text is first unescaped (JSON escapes) and lower-cased (lengths kept), then
 * every `WINDOW`-long slice of it is looked up in a set of every `WINDOW`-long slice of the secrets, every
 * `DIGIT_WINDOW`-long slice in a set of the secrets' digit runs, and secrets shorter than `WINDOW` are found with
 * `indexOf`. Each hit marks its range; marked ranges are merged and replaced by one `[redacted]`. So any excerpt of
 * `WINDOW` characters or more is cut entirely, and so is an OTP wherever it stands. Text past `MAX_SCAN` is
 * dropped, never passed on unread.
 */
export function echoRedactor(
  body: unknown,
  token: string,
  secrets: readonly string[] = [],
): (text: string) => string {
  let needles: Needles | undefined; // built on first use: most responses are never redacted
  return (text) => {
    needles ??= buildNeedles([token, ...secrets, ...personalValues(body)]);
    if (needles.empty) return text;
    if (text.length <= MAX_SCAN) {
      const unescaped = unescapeJson(text);
      return cut(unescaped, needles, unescaped.length);
    }
    const unescaped = unescapeJson(text.slice(0, MAX_SCAN));
    return `${cut(unescaped, needles, unescaped.length - WINDOW)}…`;
  };
}

interface Needles {
  empty: boolean;
  windows: Set<string>;
  digitWindows: Set<string>;
  short: Set<string>;
}

function buildNeedles(values: readonly string[]): Needles {
  const windows = new Set<string>();
  const digitWindows = new Set<string>();
  const short = new Set<string>();
  for (const value of values.map(fold)) {
    if (value.trim().length < MIN_LENGTH) continue;
    if (value.length < WINDOW) short.add(value);
    else addSlices(windows, value, WINDOW);
    for (const run of value.match(/\d{4,}/g) ?? []) {
      if (run.length < DIGIT_WINDOW) short.add(run);
      else addSlices(digitWindows, run, DIGIT_WINDOW);
    }
  }
  return { empty: windows.size + short.size === 0, windows, digitWindows, short };
}

function addSlices(set: Set<string>, value: string, length: number): void {
  for (let i = 0; i + length <= value.length; i++) set.add(value.slice(i, i + length));
}

/** `text` up to `end`, with every hit cut; hits are looked for in all of `text`, so a cut at `end` is exact. */
function cut(text: string, { windows, digitWindows, short }: Needles, end: number): string {
  const folded = fold(text);
  // +1 where a hit starts, -1 where it ends: the running sum is > 0 inside any hit.
  const edges = new Int32Array(text.length + 1);
  const mark = (start: number, length: number) => {
    edges[start]++;
    edges[start + length]--;
  };
  for (let i = 0; i + WINDOW <= folded.length; i++) {
    if (windows.has(folded.slice(i, i + WINDOW))) mark(i, WINDOW);
  }
  for (let i = 0; i + DIGIT_WINDOW <= folded.length; i++) {
    if (digitWindows.has(folded.slice(i, i + DIGIT_WINDOW))) mark(i, DIGIT_WINDOW);
  }
  for (const needle of short) {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1))
      mark(at, needle.length);
  }
  let out = '';
  let depth = 0;
  let from = 0;
  for (let i = 0; i < end; i++) {
    const before = depth;
    depth += edges[i];
    if (before === 0 && depth > 0) out += text.slice(from, i) + MARK;
    if (before > 0 && depth === 0) from = i;
  }
  return depth > 0 ? out : out + text.slice(from, end);
}

/** Lower case with every character kept in place (`İ` is the one letter whose lower case is two). */
function fold(value: string): string {
  const folded = value.replace(/\u0130/g, 'i').toLowerCase();
  return folded.length === value.length ? folded : value;
}

function unescapeJson(text: string): string {
  let out = text;
  for (let round = 0; round < 3 && out.includes('\\'); round++) {
    out = out.replace(JSON_ESCAPE, (_m, hex: string | undefined, c: string | undefined) =>
      hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : (SIMPLE_ESCAPES[c!] ?? c!),
    );
  }
  return out;
}

/** Every string in the order except the plainly public fields, depth-first, bounded. */
function personalValues(body: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [body];
  for (let seen = 0; stack.length > 0 && seen < 1000; seen++) {
    const value = stack.pop();
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) if (!PUBLIC_FIELDS.has(key)) stack.push(child);
    }
  }
  return out;
}
