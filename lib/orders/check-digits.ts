/**
 * Mod-11 control digits of Norwegian identifiers, which Altinn does not check (it counts digits only).
 * Fødselsnummer and D-number: two control digits, weights from Skatteetaten's description of the number
 * (skatteetaten.no, "Fødselsnummer"); synthetic test persons (month + 80) follow the same rule.
 * Organisasjonsnummer: one control digit, weights 3 2 7 6 5 4 3 2 (brreg.no, "Organisasjonsnummeret").
 */
const FNR_K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const FNR_K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const ORG = [3, 2, 7, 6, 5, 4, 3, 2];

/** The control digit for `digits` with `weights`, or undefined when the remainder makes the number impossible. */
function controlDigit(digits: string, weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? undefined : digit;
}

/** True for 11 digits whose two control digits are right. */
export function hasValidNationalIdentityCheckDigits(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  return (
    controlDigit(value, FNR_K1) === Number(value[9]) && controlDigit(value, FNR_K2) === Number(value[10])
  );
}

/** True for 9 digits whose control digit is right. */
export function hasValidOrgNumberCheckDigit(value: string): boolean {
  return /^\d{9}$/.test(value) && controlDigit(value, ORG) === Number(value[8]);
}
