/** @jest-environment node */
import { gunzipSync } from "node:zlib";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NonceStamper, stampHtmlResponse, stampNonce } from "@/scripts/nonce-stamp";
import { prepareStampedPage, stampedPageBody } from "@/scripts/stamped-page";
import { contentSecurityPolicy, NONCE_PLACEHOLDER, newNonce, PLACEHOLDER_POLICY, strictTransportSecurity } from "@/lib/security-headers";
import { JsonLdScript } from "@/components/course/json-ld-script";

const N = "AbCdEfGhIjKlMnOpQrStUv";
const PAGE =
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"/><link rel="preload" as="script" href="/b.js"/>` +
  `<link rel="modulepreload" href="/m.js"><script src="/c.js" async=""></script></head><body><p>數學研習</p>` +
  `<script nonce="${NONCE_PLACEHOLDER}">self.__next_f.push([1,"{\\"nonce\\":\\"${NONCE_PLACEHOLDER}\\"}"])</script>` +
  `<script>(self.__next_s=self.__next_s||[]).push(1)</script></body></html>`;
const STAMPED =
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"/><link nonce="${N}" rel="preload" as="script" href="/b.js"/>` +
  `<link nonce="${N}" rel="modulepreload" href="/m.js"><script nonce="${N}" src="/c.js" async=""></script></head><body><p>數學研習</p>` +
  `<script nonce="${N}">self.__next_f.push([1,"{\\"nonce\\":\\"${N}\\"}"])</script>` +
  `<script nonce="${N}">(self.__next_s=self.__next_s||[]).push(1)</script></body></html>`;
const latin1 = (s: string) => Buffer.from(s).toString("latin1");
const utf8 = (s: string) => Buffer.from(s, "latin1").toString("utf8");

describe("the policy", () => {
  it("allows scripts only with the nonce, and names every directive the site needs", () => {
    const p = contentSecurityPolicy(N);
    expect(p).toContain(`script-src 'nonce-${N}' 'strict-dynamic'`);
    expect(p).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(p).not.toContain("unsafe-eval");
    for (const d of ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "connect-src 'self'", "worker-src 'self'"]) {
      expect(p).toContain(d);
    }
  });

  it("gives Next a placeholder it accepts as a nonce, as long as a real one", () => {
    expect(PLACEHOLDER_POLICY).toContain(`'nonce-${NONCE_PLACEHOLDER}'`);
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.length).toBe(NONCE_PLACEHOLDER.length);
    expect(newNonce()).not.toBe(a);
  });

  it("asks for HTTPS only for a site served over https", () => {
    expect(strictTransportSecurity("https://inservice.example.tw")).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
  });
});

describe("stamping", () => {
  it("gives every script, and every script preload, the nonce, and replaces the placeholder", () => {
    expect(utf8(stampNonce(latin1(PAGE), N))).toBe(STAMPED);
  });

  it("gives the same bytes however the page is cut into chunks", () => {
    const bytes = Buffer.from(PAGE);
    for (let size = 1; size < 40; size++) {
      const s = new NonceStamper(N);
      const out: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) out.push(s.push(bytes.subarray(i, i + size)));
      out.push(s.end());
      expect(Buffer.concat(out).toString("utf8")).toBe(STAMPED);
    }
  });

  it("holds back only an end that may start a tag or the placeholder", () => {
    const s = new NonceStamper(N);
    expect(s.push(Buffer.from("<div>殼</div>")).toString("utf8")).toBe("<div>殼</div>");
    expect(s.push(Buffer.from("<p>a</p><scr")).toString()).toBe("<p>a</p>");
    expect(s.push(Buffer.from("ipt>1</script>inserviceCsp")).toString()).toBe(`<script nonce="${N}">1</script>`);
    expect(s.push(Buffer.from("Nonce00000 x")).toString()).toBe(`${N} x`);
    expect(s.end().toString()).toBe("");
  });

  it("never gives user content a nonce: course text with <script> stays inert", () => {
    const evil = `</script><script>alert(1)</script><script src="//evil.example/x.js"></script>`;
    const html = renderToStaticMarkup(
      createElement("div", null, createElement(JsonLdScript, { data: { "@type": "Course", description: evil } }), createElement("p", { title: evil }, evil)),
    );
    const out = utf8(stampNonce(latin1(html), N));
    // One script element (the JSON-LD data block), which cannot be closed from inside.
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out.match(/nonce=/g)).toHaveLength(1);
    expect(out).not.toContain("<script>alert");
    expect(out).toContain("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
  });

  it("refuses a nonce that could break out of the attribute", () => {
    expect(() => new NonceStamper(`x" onload="alert(1)`)).toThrow();
  });
});

describe("a cached page", () => {
  const raw = Buffer.from(PAGE.repeat(3));
  const page = prepareStampedPage(raw, true);
  const expected = STAMPED.repeat(3);

  it("is sent plain with the nonce in place", () => {
    expect(stampedPageBody(page, N, false).toString("utf8")).toBe(expected);
    expect(page.body.toString("utf8")).toBe(expected.replaceAll(N, NONCE_PLACEHOLDER));
  });

  it("is sent as valid gzip with the nonce in place, different for each nonce", () => {
    expect(gunzipSync(stampedPageBody(page, N, true)).toString("utf8")).toBe(expected);
    const other = newNonce();
    expect(gunzipSync(stampedPageBody(page, other, true)).toString("utf8")).toBe(expected.replaceAll(N, other));
  });

  it("stays valid gzip on a large page whose pieces refer far back", () => {
    const words = ["研習", "數學", "<div class=\"card\">", "</div>", "國中", "教師", "素養導向", "<span>", "</span>"];
    let html = "";
    for (let i = 0; html.length < 150_000; i++) {
      html += words[(i * 7919) % words.length] + String(i % 97);
      if (i % 400 === 0) html += `<script nonce="${NONCE_PLACEHOLDER}">self.__next_f.push([${i}])</script>`;
    }
    const big = prepareStampedPage(Buffer.from(html), true);
    expect(big.at.length).toBeGreaterThan(20);
    for (const nonce of [N, newNonce()]) {
      expect(gunzipSync(stampedPageBody(big, nonce, true)).toString("utf8")).toBe(html.replaceAll(NONCE_PLACEHOLDER, nonce));
    }
  });

  it("keeps anything but HTML as it is", () => {
    const json = Buffer.from(`{"title":"<script>x</script>"}`);
    const p = prepareStampedPage(json, false);
    expect(stampedPageBody(p, N, false).equals(json)).toBe(true);
    expect(gunzipSync(stampedPageBody(p, N, true)).equals(json)).toBe(true);
  });
});

describe("stampHtmlResponse on a real HTTP server", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      stampHtmlResponse(res, N, { "content-security-policy": contentSecurityPolicy(N) });
      if (req.url === "/json") {
        res.setHeader("content-type", "application/json");
        return res.end(`{"a":"<script>"}`);
      }
      const page = Buffer.from(PAGE);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-length", page.length);
      res.setHeader("etag", `"abc"`);
      // In pieces that cut tags and the placeholder, as a stream does.
      for (let i = 0; i < page.length; i += 7) res.write(page.subarray(i, i + 7));
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("stamps a page, sets its policy, and drops the length and the ETag that no longer fit", async () => {
    const res = await fetch(`${base}/`);
    expect(await res.text()).toBe(STAMPED);
    expect(res.headers.get("content-security-policy")).toContain(`'nonce-${N}'`);
    expect(res.headers.get("etag")).toBeNull();
  });

  it("leaves anything but HTML alone", async () => {
    const res = await fetch(`${base}/json`);
    expect(await res.text()).toBe(`{"a":"<script>"}`);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });
});
