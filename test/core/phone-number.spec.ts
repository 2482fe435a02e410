import fc from 'fast-check';
import { getCountries, getCountryCallingCode, parsePhoneNumberWithError } from 'libphonenumber-js/max';

const callingCodes = [...new Set(getCountries().map((country) => getCountryCallingCode(country)))];

/**
 * The validator asks libphonenumber for a number's type only and reads "valid" from it (one call instead of two,
 * on every send). That holds because, with the full metadata, `isValid()` is `getType() !== undefined`; this test
 * fails if a libphonenumber release ever makes them disagree.
 */
describe('libphonenumber: isValid() agrees with getType()', () => {
  it('for random national numbers behind every calling code', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.constantFrom(...callingCodes), fc.stringMatching(/^[0-9]{4,13}$/), (code, digits) => {
        let parsed;
        try {
          parsed = parsePhoneNumberWithError(`+${code}${digits}`);
        } catch {
          return; // not a number at all: neither call is reached
        }
        if (parsed.isValid()) valid += 1;
        expect(parsed.getType() !== undefined).toBe(parsed.isValid());
      }),
      { numRuns: 20_000 },
    );
    // Not a vacuous pass: a fair share of the random numbers were valid ones.
    expect(valid).toBeGreaterThan(500);
  });
});
