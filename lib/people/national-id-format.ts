import { isIdCardNumber } from "taiwan-id-validator";

/**
 * 身分證字號 / 居留證統一證號: format rules shared by the browser and the server.
 * Checksums come from taiwan-id-validator (national IDs, old and 2021 resident certificates).
 */
export function normaliseNationalId(input: string): string {
  // Full-width letters and digits become half-width; spaces go; letters upper-case.
  return input
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .toUpperCase();
}

export function isValidNationalId(input: string): boolean {
  const id = normaliseNationalId(input);
  return isIdCardNumber(id);
}

/**
 * A123456789 → A********9: the letter and the last digit only, the same on every page, export
 * and mail. Why so little: the second digit follows from the gender (which organizers see) and
 * the last digit is a checksum of the others, so A12*****89 left about 10⁴ candidates and even
 * "letter and last two digits" leaves 10⁵. With the letter and the last digit, the seven digits
 * between stay unknown and the checksum removes one factor of ten: 10⁶ candidates when the
 * gender is known.
 */
export function maskNationalId(id: string): string {
  const n = normaliseNationalId(id);
  if (n.length < 6) return "*".repeat(n.length);
  return `${n.slice(0, 1)}${"*".repeat(n.length - 2)}${n.slice(-1)}`;
}
