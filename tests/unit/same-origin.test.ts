/** @jest-environment node */
import { isSameOrigin } from "@/lib/net/same-origin";

const SITE = "http://localhost:3000";

describe("isSameOrigin", () => {
  it("accepts the site's own address and the host the request was sent to", () => {
    expect(isSameOrigin({ origin: "http://localhost:3000", secFetchSite: "same-origin", host: "localhost:3000" }, SITE)).toBe(true);
    // Served on 127.0.0.1: the browser's Origin is that address (refused by /api/manage before).
    expect(isSameOrigin({ origin: "http://127.0.0.1:3000", secFetchSite: "same-origin", host: "127.0.0.1:3000" }, SITE)).toBe(true);
    expect(isSameOrigin({ origin: "http://LOCALHOST:3000", secFetchSite: null, host: "localhost:3000" }, SITE)).toBe(true);
  });

  it("refuses other sites, null origins and cross-site fetches", () => {
    expect(isSameOrigin({ origin: "http://evil.example", secFetchSite: "cross-site", host: "localhost:3000" }, SITE)).toBe(false);
    expect(isSameOrigin({ origin: "http://evil.example", secFetchSite: null, host: "localhost:3000" }, SITE)).toBe(false);
    expect(isSameOrigin({ origin: "null", secFetchSite: null, host: "localhost:3000" }, SITE)).toBe(false);
    expect(isSameOrigin({ origin: "http://localhost:3001", secFetchSite: null, host: "localhost:3000" }, SITE)).toBe(false);
    expect(isSameOrigin({ origin: null, secFetchSite: "same-site", host: "localhost:3000" }, SITE)).toBe(false);
    expect(isSameOrigin({ origin: "javascript:alert(1)", secFetchSite: null, host: "localhost:3000" }, SITE)).toBe(false);
    expect(isSameOrigin({ origin: "not a url", secFetchSite: null, host: "localhost:3000" }, SITE)).toBe(false);
  });

  it("on an https site refuses the plain-http twin", () => {
    const site = "https://inservice.example.edu.tw";
    expect(isSameOrigin({ origin: "https://inservice.example.edu.tw", secFetchSite: "same-origin", host: "inservice.example.edu.tw" }, site)).toBe(true);
    expect(isSameOrigin({ origin: "http://inservice.example.edu.tw", secFetchSite: null, host: "inservice.example.edu.tw" }, site)).toBe(false);
  });

  it("lets non-browser clients (no Origin, no Sec-Fetch-Site) through", () => {
    expect(isSameOrigin({ origin: null, secFetchSite: null, host: "localhost:3000" }, SITE)).toBe(true);
    expect(isSameOrigin({ origin: null, secFetchSite: "none", host: null }, SITE)).toBe(true);
  });
});
