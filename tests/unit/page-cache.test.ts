/** @jest-environment node */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { acceptsGzip, PageCache, pageCacheKey, sendCachedPage, tapResponse } from "@/scripts/page-cache";
import { prepareStampedPage } from "@/scripts/stamped-page";
import { NONCE_PLACEHOLDER } from "@/lib/security-headers";

const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });

describe("pageCacheKey", () => {
  it("caches the public search pages per index version, plain and gzip alike", () => {
    const a = pageCacheKey(req("/courses?q=%E6%95%B8%E5%AD%B8", { "accept-encoding": "gzip, deflate, br" }), "v1");
    expect(a).toBe("v1|/courses?q=%E6%95%B8%E5%AD%B8");
    expect(pageCacheKey(req("/courses?q=%E6%95%B8%E5%AD%B8"), "v1")).toBe(a);
    expect(pageCacheKey(req("/courses?q=x"), "v2")).not.toBe(pageCacheKey(req("/courses?q=x"), "v1"));
    for (const path of ["/courses/map?county=%E8%87%BA%E5%8C%97%E5%B8%82", "/courses/advanced", "/courses/organizers?stage=ELEMENTARY", "/api/courses?q=a"]) {
      expect(pageCacheKey(req(path), "v1")).not.toBeNull();
    }
  });

  it("never caches personal, non-GET, client-navigation or other pages, nor without a version", () => {
    expect(pageCacheKey(req("/courses"), null)).toBeNull();
    expect(pageCacheKey(req("/courses", {}, "POST"), "v1")).toBeNull();
    expect(pageCacheKey(req("/courses", {}, "HEAD"), "v1")).toBeNull();
    expect(pageCacheKey(req("/courses", { cookie: "a=1; inservice.session=abc" }), "v1")).toBeNull();
    expect(pageCacheKey(req("/courses", { cookie: "__Secure-inservice.session.0=abc" }), "v1")).toBeNull();
    expect(pageCacheKey(req("/courses", { rsc: "1" }), "v1")).toBeNull();
    expect(pageCacheKey(req("/courses", { "next-router-prefetch": "1" }), "v1")).toBeNull();
    expect(pageCacheKey(req("/courses/9000001"), "v1")).toBeNull();
    expect(pageCacheKey(req("/me/registrations"), "v1")).toBeNull();
    expect(pageCacheKey(req("/courses/9000001/register"), "v1")).toBeNull();
    // A cookie that is not a session does not make the page personal.
    expect(pageCacheKey(req("/courses", { cookie: "theme=dark" }), "v1")).not.toBeNull();
  });
});

describe("PageCache", () => {
  const page = (body: string, at = 0, status = 200) => ({ status, headers: {}, body: Buffer.from(body), at });

  it("forgets entries after the time limit and the least recently used beyond the size limit", () => {
    const cache = new PageCache({ maxEntries: 2, ttlMs: 1000, maxBodyBytes: 100 });
    cache.set("a", page("A", 0));
    cache.set("b", page("B", 0));
    expect(cache.get("a", 500)?.body.toString()).toBe("A"); // a is now the most recent
    cache.set("c", page("C", 500));
    expect(cache.get("b", 600)).toBeUndefined();
    expect(cache.get("a", 600)?.body.toString()).toBe("A");
    expect(cache.get("a", 1001)).toBeUndefined();
    expect(cache.get("c", 1400)?.body.toString()).toBe("C");
  });

  it("keeps only whole 200 answers of a bounded size", () => {
    const cache = new PageCache({ maxEntries: 10, ttlMs: 1000, maxBodyBytes: 3 });
    cache.set("404", page("x", 0, 404));
    cache.set("big", page("toolong", 0));
    expect(cache.size).toBe(0);
  });
});

describe("tapResponse and sendCachedPage on a real HTTP server", () => {
  let server: http.Server;
  let base: string;
  let renders = 0;
  let requests = 0;
  const cache = new PageCache({ maxEntries: 10, ttlMs: 60_000, maxBodyBytes: 1_000_000 });

  beforeAll(async () => {
    server = http.createServer((request, res) => {
      const key = pageCacheKey(request, "v1");
      const nonce = `nonce${String(++requests).padStart(17, "0")}`;
      if (key) {
        const hit = cache.get(key);
        if (hit?.stamped) return sendCachedPage(res, { ...hit, stamped: hit.stamped }, nonce, acceptsGzip(request), { "content-security-policy": `script-src 'nonce-${nonce}'` });
        tapResponse(res, (p) => cache.set(key, { ...p, stamped: prepareStampedPage(p.body, true) }));
      }
      renders++;
      const url = new URL(request.url ?? "/", "http://x");
      if (url.searchParams.has("cookie")) res.setHeader("set-cookie", "a=1");
      res.setHeader("content-type", "text/html; charset=utf-8");
      // Streamed in pieces, as Next.js does, with the placeholder nonce it was given.
      res.write("<p>研習 ");
      res.write(Buffer.from(url.search));
      res.end(`</p><script nonce="${NONCE_PLACEHOLDER}">1</script><script src="/a.js"></script>`);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });

  it("renders once, then answers the same bytes and headers from the cache", async () => {
    const before = renders;
    const first = await get("/courses?q=1");
    const second = await get("/courses?q=1");
    expect(renders - before).toBe(1);
    expect(first.headers["x-page-cache"]).toBe("MISS");
    expect(second.headers["x-page-cache"]).toBe("HIT");
    expect(first.body.toString()).toBe(`<p>研習 ?q=1</p><script nonce="${NONCE_PLACEHOLDER}">1</script><script src="/a.js"></script>`);
    // Each hit has its own nonce, on every script, and the policy that names it.
    const nonce = /'nonce-([^']+)'/.exec(String(second.headers["content-security-policy"]))![1];
    expect(nonce).not.toBe(NONCE_PLACEHOLDER);
    expect(second.body.toString()).toBe(`<p>研習 ?q=1</p><script nonce="${nonce}">1</script><script nonce="${nonce}" src="/a.js"></script>`);
    const third = await get("/courses?q=1");
    expect(third.body.toString()).not.toContain(nonce);
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(Number(second.headers["content-length"])).toBe(second.body.length);
  });

  it("sends a hit gzipped, with its own nonce, to a client that takes gzip", async () => {
    await get("/courses?q=2");
    const again = await get("/courses?q=2", { "accept-encoding": "gzip, br" });
    expect(again.headers["x-page-cache"]).toBe("HIT");
    expect(again.headers["content-encoding"]).toBe("gzip");
    const nonce = /'nonce-([^']+)'/.exec(String(again.headers["content-security-policy"]))![1];
    expect(gunzipSync(again.body).toString()).toBe(`<p>研習 ?q=2</p><script nonce="${nonce}">1</script><script nonce="${nonce}" src="/a.js"></script>`);
  });

  it("never keeps an answer that sets a cookie, and never serves a signed-in person from the cache", async () => {
    await get("/courses?cookie=1");
    expect((await get("/courses?cookie=1")).headers["x-page-cache"]).toBe("MISS");
    await get("/courses?q=3");
    const before = renders;
    const signedIn = await get("/courses?q=3", { cookie: "inservice.session=abc" });
    expect(signedIn.headers["x-page-cache"]).toBeUndefined();
    expect(renders - before).toBe(1);
  });
});
