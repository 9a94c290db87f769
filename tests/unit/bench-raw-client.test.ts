import http from "node:http";
import type { AddressInfo } from "node:net";
import { encodeRequest, parseResponse, rawBurst } from "../bench/raw-client";

describe("the rush bench's raw HTTP client", () => {
  it("encodes a request with Host and a byte-counted Content-Length", () => {
    const text = encodeRequest("127.0.0.1:3000", { method: "PUT", path: "/api/x", headers: { Cookie: "a=b" }, body: "{\"名\":1}" }).toString("utf8");
    expect(text).toBe("PUT /api/x HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nCookie: a=b\r\nContent-Length: 9\r\n\r\n{\"名\":1}");
  });

  it("parses Content-Length and chunked responses, and waits for incomplete ones", () => {
    const fixed = Buffer.from("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 409");
    expect(parseResponse(fixed)).toEqual({ status: "201", length: fixed.length - "HTTP/1.1 409".length, close: false });
    expect(parseResponse(Buffer.from("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nok"))).toBeNull();
    const chunked = Buffer.from("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
    expect(parseResponse(chunked)).toEqual({ status: "200", length: chunked.length, close: true });
    expect(parseResponse(chunked.subarray(0, chunked.length - 2))).toBeNull();
    expect(parseResponse(Buffer.from("HTTP/1.1 200 OK\r\nContent-Le"))).toBeNull();
  });

  it("sends every request over a few keep-alive connections and reports each status", async () => {
    const seen: string[] = [];
    const sockets = new Set<unknown>();
    const server = http.createServer((req, res) => {
      sockets.add(req.socket);
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        seen.push(`${req.method} ${req.url} ${req.headers["idempotency-key"]} ${body}`);
        const n = Number(req.headers["idempotency-key"]);
        // Every fifth answer closes its connection, and odd ones are chunked.
        if (n % 5 === 0) res.setHeader("Connection", "close");
        res.statusCode = n % 2 ? 201 : 409;
        if (n % 2) res.write("x".repeat(n));
        res.end("done");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const requests = Array.from({ length: 40 }, (_, i) => encodeRequest(`127.0.0.1:${port}`, { method: "PUT", path: "/r", headers: { "Idempotency-Key": String(i) }, body: `b${i}` }));
      const { results, seconds } = await rawBurst(`http://127.0.0.1:${port}`, requests, 4);
      expect(results.map((r) => r.status)).toEqual(Array.from({ length: 40 }, (_, i) => (i % 2 ? "201" : "409")));
      expect(seen.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `PUT /r ${i} b${i}`).sort());
      expect(results.every((r) => r.ms >= 0 && r.ms <= seconds * 1000 + 1)).toBe(true);
      // Four connections at a time; the ones the server closed were reopened.
      expect(sockets.size).toBeGreaterThan(4);
      expect(sockets.size).toBeLessThan(40);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("reports a refused connection as a network error instead of throwing", async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const { results } = await rawBurst(`http://127.0.0.1:${port}`, [encodeRequest("x", { method: "GET", path: "/", headers: {} })], 1);
    expect(results).toEqual([{ status: "network-error", ms: expect.any(Number) }]);
  });
});
