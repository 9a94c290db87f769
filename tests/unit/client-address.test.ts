/** @jest-environment node */
import { clientAddress, clientAddressFromHeaders, normaliseAddress, parseTrustedProxies } from "@/lib/net/client-address";

describe("client address", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.9", "1.2.3.4", null)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", parseTrustedProxies(""))).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.5");
    expect(clientAddress("198.51.100.7", "1.2.3.4", trusted)).toBe("198.51.100.7");
  });

  it("takes the nearest untrusted hop behind trusted proxies, not the client's own first entry", () => {
    const trusted = parseTrustedProxies("10.0.0.0/24, 10.0.1.7");
    // The client forged "1.2.3.4"; the proxy appended the real peer 198.51.100.7.
    expect(clientAddress("10.0.0.5", "1.2.3.4, 198.51.100.7", trusted)).toBe("198.51.100.7");
    // Two proxies in a row.
    expect(clientAddress("10.0.0.5", "198.51.100.7, 10.0.1.7", trusted)).toBe("198.51.100.7");
    // Several headers are one list.
    expect(clientAddress("10.0.0.5", ["1.2.3.4", "198.51.100.7"], trusted)).toBe("198.51.100.7");
  });

  it("stops at garbage a trusted proxy passed on", () => {
    const trusted = parseTrustedProxies("127.0.0.1");
    expect(clientAddress("127.0.0.1", "not-an-ip", trusted)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "", trusted)).toBe("127.0.0.1");
  });

  it("supports IPv6 proxies and ranges", () => {
    const trusted = parseTrustedProxies("fd00::/8, ::1");
    expect(clientAddress("::1", "2001:db8::1", trusted)).toBe("2001:db8::1");
    expect(clientAddress("fd00::3", "[2001:db8::2]:443", trusted)).toBe("2001:db8::2");
  });

  it("refuses malformed TRUSTED_PROXIES entries", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow(/TRUSTED_PROXIES/);
  });

  it("normalises addresses", () => {
    expect(normaliseAddress("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("1.2.3.4:80")).toBe("1.2.3.4");
    expect(normaliseAddress("<script>")).toBeNull();
    expect(clientAddressFromHeaders(() => "1.2.3.4")).toBe("1.2.3.4");
    expect(clientAddressFromHeaders(() => "x, y")).toBe("unknown");
    expect(clientAddressFromHeaders(() => null)).toBe("unknown");
  });
});
