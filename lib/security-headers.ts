import { randomBytes } from "node:crypto";

/** Headers on every answer of the site (next.config.ts; scripts/serve.ts for its own doors). */
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/*
 * The Content-Security-Policy, stamped by the production server (scripts/serve.ts,
 * scripts/nonce-stamp.ts) on every HTML answer with a fresh nonce per response, and
 * Strict-Transport-Security for a site served over https.
 *
 * Scripts run only when they carry the response's nonce ('strict-dynamic' lets those scripts
 * load Next's chunks); there is no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline'
 * (React and Next write style attributes). Web Workers only from the site's own files (the
 * sign-in challenge's proof-of-work worker is one). `next dev` sends no policy (its client needs eval).
 */

/**
 * The nonce Next is told about (in the request's content-security-policy header) so that the
 * scripts it renders carry `nonce="<placeholder>"`; the server replaces it in the bytes it sends
 * with the response's own nonce, and caches pages with the placeholder in them. Same alphabet
 * and length as a real nonce (Next only accepts [A-Za-z0-9+/_-]).
 */
export const NONCE_PLACEHOLDER = "inserviceCspNonce00000";

/** A fresh nonce: 128 random bits, base64url (22 characters, like the placeholder). */
export function newNonce(): string {
  return randomBytes(16).toString("base64url");
}

/** The policy with this nonce. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** What serve.ts passes to Next in the request, so Next renders nonces as the placeholder. */
export const PLACEHOLDER_POLICY = contentSecurityPolicy(NONCE_PLACEHOLDER);

/** Strict-Transport-Security for the site's address, or null when it is not served over https. */
export function strictTransportSecurity(siteUrl: string): string | null {
  return new URL(siteUrl).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;
}
