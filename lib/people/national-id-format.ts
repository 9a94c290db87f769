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

/** A123456789 → A12*****89: enough for a person to recognise their own, not to reuse. */
export function maskNationalId(id: string): string {
  const n = normaliseNationalId(id);
  if (n.length < 6) return "*".repeat(n.length);
  return `${n.slice(0, 3)}${"*".repeat(n.length - 5)}${n.slice(-2)}`;
}
