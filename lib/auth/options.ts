import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { signIn } from "@/lib/auth/sign-in";
import { decodeSessionToken, encodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { actorBySession } from "@/lib/auth/session-actor";
import { revokeSession, SESSION_IDLE_SECONDS, startSession } from "@/lib/auth/sessions";
import { clientAddressFromHeaders } from "@/lib/net/client-address";
import type { Role } from "@/generated/prisma/enums";

/** The client address the server stamped on next-auth's request (its headers as a plain object). */
function requestHeaderAddress(headers: Record<string, unknown> | undefined): string {
  return clientAddressFromHeaders((name) => {
    const v = headers?.[name];
    return typeof v === "string" ? v : undefined;
  });
}

/** Thrown by the jwt callback for a session the app has ended: next-auth then clears the cookie. */
const SESSION_ENDED = "SESSION_ENDED";

/**
 * Sessions (lib/auth/sessions.ts): sign-in creates a Session row whose id travels in the token
 * (`sid`); the token expires after SESSION_IDLE_SECONDS without a visit to /api/auth/session
 * (which renews it), the row after SESSION_ABSOLUTE_MS whatever happens; sign-out revokes the
 * row, so a copied cookie stops working. /api/auth/session answers {} (and clears the cookie)
 * for a session the app has ended, because the jwt callback throws for it.
 *
 * The failure codes travel to the login form as the `error` of next-auth's signIn():
 * INVALID_INPUT, INVALID_CREDENTIALS, INVALID_CREDENTIALS+CAPTCHA, CAPTCHA_REQUIRED,
 * CAPTCHA_WRONG, DISABLED, LOCKED:<ISO time>. lib/auth/sign-in-messages.ts turns them into Chinese.
 */
export function authOptions(): NextAuthOptions {
  const secure = env().SITE_URL.startsWith("https://");
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS, encode: encodeSessionToken, decode: decodeSessionToken },
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
          challenge: { type: "text" },
        },
        async authorize(credentials, req) {
          const input = {
            accountKind: credentials?.accountKind,
            username: credentials?.username,
            password: credentials?.password,
            challenge: credentials?.challenge || undefined,
          };
          const result = await signIn(input, requestHeaderAddress(req?.headers as Record<string, unknown> | undefined));
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
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is an expected answer ({} and a cleared cookie), not an error.
        const message = metadata instanceof Error ? metadata.message : (metadata as { message?: string } | undefined)?.message;
        if (code === "JWT_SESSION_ERROR" && message === SESSION_ENDED) return;
        console.error(`[next-auth] ${code}`, metadata instanceof Error ? metadata.message : metadata);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const role = (user as { role?: Role }).role as Role;
          const { sid } = await startSession(Number(user.id), role);
          token.uid = Number(user.id);
          token.role = role;
          token.sid = sid;
          // When this sign-in happened (next-auth renews `iat` on every refresh).
          token.authAt = Date.now();
          return token;
        }
        // Every later read of the token (/api/auth/session): the session must still be alive.
        const live =
          typeof token.sid === "string" && typeof token.uid === "number" ? await actorBySession(token.sid, token.uid) : null;
        if (!live) throw new Error(SESSION_ENDED);
        token.role = live.role;
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
