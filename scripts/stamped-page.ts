// A cached HTML page that can be sent with a fresh CSP nonce for the cost of a copy, plain or
// gzipped (scripts/page-cache.ts keeps these; scripts/serve.ts sends them).
//
// The page is stamped once with the placeholder as its nonce (scripts/nonce-stamp.ts), so every
// script carries nonce="<placeholder>" and the nonce changes nothing but those 22 bytes at known
// places. Plain: copy the page and write the nonce over each place. Gzip: the page is compressed
// once, in pieces between the places, each piece ending on a byte boundary and never referring
// back to a placeholder (see prepareStampedPage); a response is the pieces
// with the nonce between them as stored (uncompressed) deflate blocks, and the gzip trailer's
// CRC-32 is computed over the real bytes (zlib.crc32, native).
import zlib from "node:zlib";
import { NONCE_PLACEHOLDER } from "../lib/security-headers";
import { stampNonce } from "./nonce-stamp";

export type StampedPage = {
  /** The page with the placeholder as every script's nonce. */
  body: Buffer;
  /** Byte offsets of the placeholder in body. */
  at: number[];
  /** Raw deflate pieces between the placeholders; the last one ends the stream. */
  deflated: Buffer[];
  /** CRC-32 of each piece of text between the placeholders, and the operator that moves a CRC past it. */
  crcs: number[];
  shifts: Uint32Array[];
};

/*
 * CRC-32 of text put together from pieces (as zlib's crc32_combine): crc(A‖B) = shift_|B|(crc(A)) ^ crc(B),
 * where shift_n, the CRC register moved over n zero bytes, is linear: a 32×32 bit matrix, one
 * word per column. A response's trailer costs a few thousand XORs instead of a pass over the page.
 */
function shiftOperator(bytes: number): Uint32Array {
  const zeros = Buffer.alloc(bytes);
  const op = new Uint32Array(32);
  for (let i = 0; i < 32; i++) op[i] = ~zlib.crc32(zeros, ~(1 << i) >>> 0) >>> 0;
  return op;
}

function shift(op: Uint32Array, crc: number): number {
  let out = 0;
  for (let i = 0; crc !== 0; i++, crc >>>= 1) if (crc & 1) out ^= op[i];
  return out >>> 0;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
const PLACEHOLDER = Buffer.from(NONCE_PLACEHOLDER, "latin1");
const NONCE_SHIFT = shiftOperator(PLACEHOLDER.length);

/** Prepares an answer once; `html`: an HTML page, whose scripts are stamped (anything else is kept as it is). */
export function prepareStampedPage(raw: Buffer, html: boolean): StampedPage {
  const body = html ? Buffer.from(stampNonce(raw.toString("latin1"), NONCE_PLACEHOLDER), "latin1") : raw;
  const at: number[] = [];
  for (let i = html ? body.indexOf(PLACEHOLDER) : -1; i >= 0; i = body.indexOf(PLACEHOLDER, i + PLACEHOLDER.length)) at.push(i);
  // Each piece may refer back to the text before it (a preset dictionary, as the stream's window
  // would be) except to the nonces: in the dictionary they are NUL bytes, which HTML never
  // contains, so no match can reach into them. A page with NUL bytes gets independent pieces.
  const blanked = body.includes(0) ? null : Buffer.from(body);
  if (blanked) for (const i of at) blanked.fill(0, i, i + PLACEHOLDER.length);
  const deflated: Buffer[] = [];
  const crcs: number[] = [];
  const shifts: Uint32Array[] = [];
  let from = 0;
  for (const i of [...at, body.length]) {
    const last = i === body.length;
    const options: zlib.ZlibOptions = { level: 6, finishFlush: last ? zlib.constants.Z_FINISH : blanked ? zlib.constants.Z_SYNC_FLUSH : zlib.constants.Z_FULL_FLUSH };
    if (blanked && from > 0) options.dictionary = blanked.subarray(Math.max(0, from - 32768), from);
    deflated.push(zlib.deflateRawSync(body.subarray(from, i), options));
    crcs.push(zlib.crc32(body.subarray(from, i)));
    shifts.push(html ? shiftOperator(i - from) : new Uint32Array(32));
    from = i + PLACEHOLDER.length;
  }
  return { body, at, deflated, crcs, shifts };
}

function withNonce(page: StampedPage, nonce: Buffer): Buffer {
  const out = Buffer.from(page.body);
  for (const i of page.at) nonce.copy(out, i);
  return out;
}

function storedBlock(data: Buffer): Buffer {
  const n = data.length;
  return Buffer.concat([Buffer.from([0x00, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]), data]);
}

/** The page with this nonce: gzip-encoded or plain. */
export function stampedPageBody(page: StampedPage, nonce: string, gzip: boolean): Buffer {
  const n = Buffer.from(nonce, "latin1");
  if (n.length !== PLACEHOLDER.length) throw new Error("a nonce is as long as the placeholder");
  if (!gzip) return withNonce(page, n);
  const block = storedBlock(n);
  const parts: Buffer[] = [GZIP_HEADER];
  page.deflated.forEach((piece, k) => {
    parts.push(piece);
    if (k < page.at.length) parts.push(block);
  });
  const trailer = Buffer.alloc(8);
  const nonceCrc = zlib.crc32(n);
  let crc = page.crcs[0];
  for (let k = 1; k < page.crcs.length; k++) crc = shift(page.shifts[k], shift(NONCE_SHIFT, crc) ^ nonceCrc) ^ page.crcs[k];
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(page.body.length >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}
