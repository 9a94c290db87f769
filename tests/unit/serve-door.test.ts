/** @jest-environment node */
import http from "node:http";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies } from "@/lib/net/client-address";
import { PLACEHOLDER_POLICY } from "@/lib/security-headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/server-action-limit";
import { prepareRequest } from "@/scripts/prepare-request";
import { isServerActionRequest, serverActionRefusal } from "@/scripts/server-action-guard";

const SITE = "https://inservice.example.tw";

function fakeRequest(headers: Record<string, string>, remoteAddress = "198.51.100.7") {
  const rawHeaders = Object.entries(headers).flat();
  return { headers: { ...headers } as http.IncomingHttpHeaders, rawHeaders, socket: { remoteAddress } } as unknown as http.IncomingMessage;
}

describe("prepareRequest", () => {
  it("replaces a client's own address header with the socket's address, ignoring X-Forwarded-For without trusted proxies", () => {
    const req = fakeRequest({ "x-forwarded-for": "203.0.113.9", [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "X-Inservice-Client-Address": "1.1.1.1" } as Record<string, string>);
    prepareRequest(req, null);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
    const raw = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i].toLowerCase() === CLIENT_ADDRESS_HEADER);
    expect(raw).toHaveLength(1);
    expect(req.rawHeaders[req.rawHeaders.indexOf(CLIENT_ADDRESS_HEADER) + 1]).toBe("198.51.100.7");
  });

  it("believes X-Forwarded-For as far as trusted proxies wrote it", () => {
    const req = fakeRequest({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, "10.0.0.5");
    prepareRequest(req, parseTrustedProxies("10.0.0.0/8"));
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
  });

  it("tells Next the placeholder nonce for a page, replacing any policy the client sent, and none for a client-side navigation", () => {
    const page = fakeRequest({ "content-security-policy": "script-src 'nonce-chosenByTheClient'" });
    prepareRequest(page, null);
    expect(page.headers["content-security-policy"]).toBe(PLACEHOLDER_POLICY);
    const rsc = fakeRequest({ rsc: "1", "content-security-policy": "script-src 'nonce-chosenByTheClient'" });
    prepareRequest(rsc, null);
    expect(rsc.headers["content-security-policy"]).toBeUndefined();
    expect(rsc.rawHeaders).not.toContain("content-security-policy");
  });
});

describe("server actions at the door", () => {
  const post = (headers: Record<string, string>, url = "/courses/9000001") => ({ method: "POST", url, headers });

  it("are POSTs to pages, with or without a Next-Action header, never the API or GETs", () => {
    expect(isServerActionRequest(post({ "next-action": "abc" }))).toBe(true);
    expect(isServerActionRequest(post({}, "/login"))).toBe(true);
    expect(isServerActionRequest(post({}, "/api/courses/1/registration"))).toBe(false);
    expect(isServerActionRequest(post({}, "/api/auth/callback/credentials"))).toBe(false);
    expect(isServerActionRequest({ method: "GET", url: "/courses", headers: {} })).toBe(false);
  });

  it("from another site get 403; from the site itself pass", () => {
    expect(serverActionRefusal(post({ "next-action": "a", origin: "https://evil.example" }), SITE)?.status).toBe(403);
    expect(serverActionRefusal(post({ "next-action": "a", origin: SITE, "sec-fetch-site": "cross-site" }), SITE)?.status).toBe(403);
    expect(serverActionRefusal(post({ "next-action": "a", origin: SITE, "sec-fetch-site": "same-origin", "content-length": "100" }), SITE)).toBeNull();
    expect(serverActionRefusal(post({ "next-action": "a", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), "http://localhost:3000")).toBeNull();
  });

  it("over the limit get 413", () => {
    const at = (n: number) => serverActionRefusal(post({ "next-action": "a", origin: SITE, "content-length": String(n) }), SITE);
    expect(at(SERVER_ACTION_BODY_LIMIT_BYTES)).toBeNull();
    expect(at(SERVER_ACTION_BODY_LIMIT_BYTES + 1)).toEqual({ status: 413, message: expect.stringContaining("送出的資料過大") });
    expect(serverActionRefusal(post({ origin: SITE, "content-length": "nonsense" }), SITE)?.status).toBe(413);
  });
});
