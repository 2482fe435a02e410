import { inspect } from 'node:util';

/** Every form an error is commonly logged or shipped in, its `cause` chain included. */
export function renderError(error: unknown): string {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    const e = current as Error;
    out.push(
      String(e),
      safeJson(e),
      inspect(e, { depth: Infinity, showHidden: true, getters: true }),
      String(e?.stack),
    );
    current = e?.cause;
  }
  return out.join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (err) {
    return `JSON.stringify failed: ${(err as Error).message}`;
  }
}

/** A secret and what it is, so a leak report says which one showed up without printing it. */
export interface Secret {
  kind: string;
  value: string;
}

/**
 * Which secrets occur in `text`. Digit-only secrets (an OTP, a national number) must stand alone, so a timestamp
 * or a duration cannot match by chance; a JWT also counts when any long part of it appears on its own.
 */
export function findLeaks(text: string, secrets: readonly Secret[]): string[] {
  const found = new Set<string>();
  for (const { kind, value } of secrets) {
    const needles = [
      value,
      ...(value.split('.').length === 3 ? value.split('.').filter((p) => p.length > 20) : []),
    ];
    for (const needle of needles) {
      const hit = /^\d+$/.test(needle)
        ? new RegExp(`(?<!\\d)${needle}(?!\\d)`).test(text)
        : text.includes(needle);
      if (hit) found.add(kind);
    }
  }
  return [...found].sort();
}
