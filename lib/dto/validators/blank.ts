/**
 * ASP.NET `[Required]` rejects what .NET's `string.IsNullOrWhiteSpace` calls blank, which also counts U+0085 (NEL)
 * as white space; JavaScript's `trim()` does not. (JS trims U+FEFF, which .NET keeps: stricter, so harmless.)
 */
export function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && value.replace(/\u0085/g, '').trim() !== '';
}
