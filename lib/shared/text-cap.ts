/** The most characters of text from outside (a server's message, a caller's value) that reach an error or a log. */
export const MAX_FOREIGN_TEXT = 300;

/** @internal Cuts `text` to `max` characters, marking the cut with `…`. */
export function capText(text: string, max = MAX_FOREIGN_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
