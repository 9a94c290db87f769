import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { signIn } from "@/lib/auth/sign-in";
import { decodeSessionToken, encodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";

/** Session length: a working day. */
const SESSION_SECONDS = 8 * 60 * 60;

function clientIp(headers: Record<string, unknown> | undefined): string {
  // Behind a load balancer, the first X-Forwarded-For entry is the client (the proxy must set it).
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

/**
 * The failure codes travel to the login form as the `error` of next-auth's signIn():
 * INVALID_INPUT, INVALID_CREDENTIALS, INVALID_CREDENTIALS+CAPTCHA, CAPTCHA_REQUIRED,
 * CAPTCHA_WRONG, LOCKED:<ISO time>. lib/auth/sign-in-messages.ts turns them into Chinese.
 */
export function authOptions(): NextAuthOptions {
  const secure = env().SITE_URL.startsWith("https://");
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    jwt: { maxAge: SESSION_SECONDS, encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "進修網帳號",
        credentials: {
          accountKind: { type: "text" },
          username: { type: "text" },
          password: { type: "password" },
          captchaId: { type: "text" },
          captchaAnswer: { type: "text" },
        },
        async authorize(credentials, req) {
          const input = {
            accountKind: credentials?.accountKind,
            username: credentials?.username,
            password: credentials?.password,
            captchaId: credentials?.captchaId || undefined,
            captchaAnswer: credentials?.captchaAnswer || undefined,
          };
          const result = await signIn(input, clientIp(req?.headers as Record<string, unknown> | undefined));
          if (result.ok) {
            const a = result.actor;
            return { id: String(a.id), name: a.name, role: a.role };
          }
          switch (result.code) {
            case "LOCKED":
              throw new Error(`LOCKED:${result.lockedUntil.toISOString()}`);
            case "INVALID_CREDENTIALS":
              throw new Error(result.captchaRequired ? "INVALID_CREDENTIALS+CAPTCHA" : "INVALID_CREDENTIALS");
            default:
              throw new Error(result.code);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = (user as { role?: string }).role;
          // When this sign-in happened (next-auth renews `iat` on every refresh).
          token.authAt = Date.now();
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          (session.user as { id?: number }).id = token.uid as number;
          (session.user as { role?: string }).role = token.role as string;
        }
        (session as { authAt?: number }).authAt = token.authAt as number;
        return session;
      },
    },
  };
}
