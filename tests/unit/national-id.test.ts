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
    expect(maskNationalId("A123456789")).toBe("A12*****89");
    expect(normaliseNationalId(" a 123456789 ")).toBe("A123456789");
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
