import fc from 'fast-check';
import { countSmsSegments } from '../../lib/index.js';

/**
 * An independent oracle for .NET `HttpUtility.UrlEncode` length: `encodeURIComponent` differs only in leaving
 * `~` and `'` alone (.NET escapes them) and writing space as `%20` (.NET writes `+`).
 */
function oracleUrlEncodedLength(body: string): number {
  // Lone surrogates become U+FFFD (EF BF BD) in .NET's UTF-8 encoder; encodeURIComponent would throw on them.
  const encoded = encodeURIComponent(body.replace(/\p{Surrogate}/gu, '\uFFFD'));
  const escapesDotnetAddsBack = [...body].filter((c) => c === '~' || c === "'").length * 2;
  const spacesAsPlus = (encoded.match(/%20/g) ?? []).length * 2;
  return encoded.length + escapesDotnetAddsBack - spacesAsPlus;
}

describe('countSmsSegments: Altinn’s rule (URL-encoded length; ≤ 160 → 1, else ceil(/134), capped at 16)', () => {
  it.each([
    { name: '160 × a', body: 'a'.repeat(160), length: 160, segments: 1 },
    { name: '161 × a', body: 'a'.repeat(161), length: 161, segments: 2 },
    { name: '268 × a', body: 'a'.repeat(268), length: 268, segments: 2 },
    { name: '269 × a', body: 'a'.repeat(269), length: 269, segments: 3 },
    { name: 'spaces (→ +, one character)', body: 'a b'.repeat(50), length: 150, segments: 1 },
    { name: '26 × æ (two UTF-8 bytes, 6 each)', body: 'æ'.repeat(26), length: 156, segments: 1 },
    { name: '27 × æ', body: 'æ'.repeat(27), length: 162, segments: 2 },
    { name: 'a newline (%0a)', body: 'Koden er 123456.\n', length: 19, segments: 1 },
    { name: '14 emoji (four bytes, 12 each)', body: '😀'.repeat(14), length: 168, segments: 2 },
    { name: "~ and ' (escaped by .NET)", body: "~'", length: 6, segments: 1 },
    { name: '2144 × a', body: 'a'.repeat(2144), length: 2144, segments: 16 },
  ])('$name → URL-encoded length $length, $segments segment(s)', ({ body, length, segments }) => {
    const count = countSmsSegments(body);
    expect(count.urlEncodedLength).toBe(length);
    expect(count.segments).toBe(segments);
    expect(count.truncated).toBe(false);
  });

  it('caps at 16 and flags truncation past 16 × 134 = 2144 characters', () => {
    const count = countSmsSegments('a'.repeat(2145));
    expect(count).toMatchObject({
      segments: 16,
      requiredSegments: 17,
      urlEncodedLength: 2145,
      truncated: true,
    });
    expect(countSmsSegments('ø'.repeat(400))).toMatchObject({ urlEncodedLength: 2400, truncated: true });
  });

  it('matches an encodeURIComponent-based oracle on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (body) => {
        const count = countSmsSegments(body);
        const length = oracleUrlEncodedLength(body);
        const required = length <= 160 ? 1 : Math.ceil(length / 134);
        expect(count.urlEncodedLength).toBe(length);
        expect(count.requiredSegments).toBe(required);
        expect(count.segments).toBe(Math.min(16, required));
      }),
      { numRuns: 500 },
    );
  });
});

describe('countSmsSegments: the GSM-7 / UCS-2 view', () => {
  it('keeps Norwegian letters in GSM-7 and counts extension characters twice', () => {
    expect(countSmsSegments('Din engangskode er 482913. Hilsen Skatteetaten, ÆØÅ æøå')).toMatchObject({
      encoding: 'GSM-7',
      units: 55,
      standardSegments: 1,
      nonGsmCharacters: [],
    });
    expect(countSmsSegments('Pris: 10 € [x]')).toMatchObject({ encoding: 'GSM-7', units: 17 });
  });

  it('switches to UCS-2 for any character outside GSM-7 and names the culprits', () => {
    const count = countSmsSegments('Kode 123 😀 ✓ 😀');
    expect(count.encoding).toBe('UCS-2');
    expect(count.nonGsmCharacters).toEqual(['😀', '✓']);
    expect(count.units).toBe(16); // each emoji is a surrogate pair
  });

  it.each([
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
  ])('GSM-7: %i characters → %i part(s) (160 in one, 153 per part)', (n, parts) => {
    expect(countSmsSegments('a'.repeat(n)).standardSegments).toBe(parts);
  });

  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
  ])('UCS-2: %i characters → %i part(s) (70 in one, 67 per part)', (n, parts) => {
    expect(countSmsSegments('✓'.repeat(n)).standardSegments).toBe(parts);
  });

  it('never splits an escape pair or a surrogate pair across parts', () => {
    // 306 septets would fit two parts of 153, but the € (2 septets) cannot straddle the boundary.
    expect(countSmsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({
      units: 306,
      standardSegments: 3,
    });
    // 134 code units would fit two parts of 67, but the emoji cannot straddle the boundary.
    expect(countSmsSegments(`${'✓'.repeat(66)}😀${'✓'.repeat(66)}`)).toMatchObject({
      units: 134,
      standardSegments: 3,
    });
  });
});
