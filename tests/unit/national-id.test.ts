/**
 * @jest-environment node
 */
import { isValidNationalId, maskNationalId, normaliseNationalId } from "@/lib/people/national-id-format";
import { decryptNationalId, encryptNationalId, hashNationalId } from "@/lib/people/national-id";
import { resetEnvForTests } from "@/lib/env";

describe("national ID format", () => {
  test("checksums: real format passes, a changed digit fails", () => {
    expect(isValidNationalId("A123456789")).toBe(true);
    expect(isValidNationalId("A123456788")).toBe(false);
    expect(isValidNationalId("a123456789")).toBe(true);
    expect(isValidNationalId("Ａ１２３４５６７８９")).toBe(true); // full-width
    expect(isValidNationalId("A1234")).toBe(false);
  });

  test("2021 resident certificate numbers pass", () => {
    // New-format UI numbers: second digit 8 or 9.
    expect(isValidNationalId("A800000014")).toBe(true);
    expect(isValidNationalId("A800000015")).toBe(false);
  });

  test("masking shows only the ends", () => {
    expect(maskNationalId("A123456789")).toBe("A********9");
    expect(normaliseNationalId(" a 123456789 ")).toBe("A123456789");
  });

  test("a masked number leaves at least 10⁶ valid candidates even when the gender digit is known", () => {
    const id = "A123456789";
    const masked = maskNationalId(id);
    const shown = [...masked].map((c, i) => (c === "*" ? null : { i, c }));
    // Count valid numbers with the same letter and gender digit that agree with every shown
    // character. The checksum (A = 10; weights 1 9 8 7 6 5 4 3 2 1 1) is written out here to
    // count 10⁷ numbers fast, and checked against the library on a sample.
    const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
    const digitsOf = (n: string) => [1, 0, ...[...n.slice(1)].map(Number)];
    const valid = (n: string) => digitsOf(n).reduce((sum, d, k) => sum + d * weights[k], 0) % 10 === 0;
    let candidates = 0;
    const fixed = 1 * weights[0] + 0 * weights[1] + Number(id[1]) * weights[2] + Number(id[9]) * weights[10];
    for (let middle = 0; middle < 10_000_000; middle++) {
      let sum = fixed;
      let rest = middle;
      let agrees = true;
      for (let k = 9; k >= 3; k--) {
        const d = rest % 10;
        rest = (rest - d) / 10;
        sum += d * weights[k];
        const s = shown[k - 1];
        if (s && s.c !== String(d)) agrees = false;
      }
      if (agrees && sum % 10 === 0) candidates++;
      if (middle % 999_983 === 0) {
        const candidate = `${id.slice(0, 2)}${String(middle).padStart(7, "0")}${id[9]}`;
        expect(valid(candidate)).toBe(isValidNationalId(candidate));
      }
    }
    expect(candidates).toBeGreaterThanOrEqual(1_000_000);
  });
});

describe("national ID encryption", () => {
  const OLD_ENV = process.env;
  beforeEach(() => {
    process.env = { ...OLD_ENV, DATABASE_URL: "postgresql://x/y", NEXTAUTH_SECRET: "s".repeat(40), NATIONAL_ID_HASH_KEY: "h".repeat(40) };
    resetEnvForTests();
  });
  afterAll(() => {
    process.env = OLD_ENV;
    resetEnvForTests();
  });

  const key = (n: number) => Buffer.alloc(32, n).toString("base64");

  test("round trip, random IVs, a keyed hash for lookups", () => {
    process.env.NATIONAL_ID_KEYS = `k1:${key(1)}`;
    process.env.NATIONAL_ID_KEY_ID = "k1";
    const a = encryptNationalId("A123456789");
    const b = encryptNationalId("a123456789");
    expect(a.cipher).not.toEqual(b.cipher);
    expect(a.cipher).not.toContain("A123456789");
    expect(a.hash).toEqual(b.hash);
    expect(a.hash).toEqual(hashNationalId("A123456789"));
    expect(decryptNationalId(a)).toBe("A123456789");
  });

  test("key rotation: new data uses the new key, old data still decrypts", () => {
    process.env.NATIONAL_ID_KEYS = `k1:${key(1)}`;
    process.env.NATIONAL_ID_KEY_ID = "k1";
    const old = encryptNationalId("A123456789");
    process.env.NATIONAL_ID_KEYS = `k1:${key(1)},k2:${key(2)}`;
    process.env.NATIONAL_ID_KEY_ID = "k2";
    resetEnvForTests();
    const fresh = encryptNationalId("A123456789");
    expect(fresh.keyId).toBe("k2");
    expect(decryptNationalId(old)).toBe("A123456789");
    expect(decryptNationalId(fresh)).toBe("A123456789");
  });

  test("tampered ciphertext is refused", () => {
    process.env.NATIONAL_ID_KEYS = `k1:${key(1)}`;
    process.env.NATIONAL_ID_KEY_ID = "k1";
    const a = encryptNationalId("A123456789");
    const raw = Buffer.from(a.cipher, "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => decryptNationalId({ cipher: raw.toString("base64"), keyId: "k1" })).toThrow();
  });

  test("a bad key setting stops with a clear message", () => {
    process.env.NATIONAL_ID_KEYS = "k1:short";
    process.env.NATIONAL_ID_KEY_ID = "k1";
    expect(() => encryptNationalId("A123456789")).toThrow(/NATIONAL_ID_KEYS/);
  });
});
