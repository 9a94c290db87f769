import "server-only";
import { z } from "@/lib/zod";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { catcherConfigProblem } from "@/lib/mail/catcher-access";

/**
 * The one reader of process.env. Parsed once, on first use, so that a missing or malformed
 * setting stops the server with a clear message instead of failing deep inside a request.
 */
const keyringSchema = z
  .string()
  .min(1, "NATIONAL_ID_KEYS is required: comma-separated id:base64key pairs (32-byte keys)")
  .transform((raw, ctx) => {
    const keys = new Map<string, Buffer>();
    for (const part of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
      const [id, b64] = part.split(":");
      const key = b64 ? Buffer.from(b64, "base64") : Buffer.alloc(0);
      if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || key.length !== 32) {
        ctx.addIssue({ code: "custom", message: `NATIONAL_ID_KEYS entry "${id ?? ""}" must be id:base64 of 32 bytes` });
        return z.NEVER;
      }
      keys.set(id, key);
    }
    return keys;
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required (the README's commands set it for you)"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    /** The public address of the site, used for canonical URLs and cookies. */
    SITE_URL: z.url().default("http://localhost:3000"),
    NATIONAL_ID_KEYS: keyringSchema,
    /** Which key of NATIONAL_ID_KEYS encrypts new data; the others still decrypt. */
    NATIONAL_ID_KEY_ID: z.string().min(1),
    /** Key of the keyed hash (HMAC-SHA-256) kept beside each encrypted number. */
    NATIONAL_ID_HASH_KEY: z.string().min(32, "NATIONAL_ID_HASH_KEY must be at least 32 characters"),
    /**
     * Proxies (load balancers) whose X-Forwarded-For is believed: comma-separated addresses or
     * CIDR ranges, e.g. "10.0.0.5, 10.0.1.0/24". Unset: the socket's address is the client's.
     * The server (scripts/serve.ts) stamps the resulting address on each request
     * (lib/net/client-address.ts); the raw text is kept for it and for the scripts.
     */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .superRefine((raw, ctx) => {
        try {
          parseTrustedProxies(raw);
        } catch (e) {
          ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
        }
      }),
    /** Course search: a Meilisearch server to use instead of PostgreSQL (lib/search). */
    MEILISEARCH_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    MEILISEARCH_KEY: z.string().optional(),
    /** The Meilisearch index of courses (default "courses"). */
    MEILISEARCH_INDEX: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).default("courses")),
    /** Background jobs (lib/jobs): "app" runs them in the app's own process, "worker" in scripts/worker.ts. */
    JOBS_MODE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["app", "worker"]).default("app")),
    /**
     * Mail (lib/mail): the SMTP server, e.g. smtp://user:pass@mail.example.edu.tw:587 or
     * smtps://…:465. Unset: mail stays QUEUED in the outbox until one is configured. The scripts
     * set it to their development mail catcher when the operator has not.
     */
    SMTP_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://host:port or smtps://user:pass@host:port")
        .optional(),
    ),
    /** The sender of every mail, with a display name: "全國教師在職進修資訊網 <no-reply@example.edu.tw>". */
    MAIL_FROM: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^[^<>]*<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/, "MAIL_FROM must be an address, optionally with a name: 名稱 <address@example.edu.tw>")
        .default("全國教師在職進修資訊網 <no-reply@inservice.localhost>"),
    ),
    /**
     * The folder where the development mail catcher (scripts/mail/dev-smtp.ts) stores what it
     * receives. Set by `npm run demo`/`dev` and the end-to-end tests, never in production: when
     * set, /dev/mail lists the messages to requests from this machine; unset, /dev/mail is a 404.
     * A production start refuses it unless SITE_URL and SMTP_URL are both on this machine.
     */
    MAIL_CATCHER_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  })
  .refine((e) => e.NATIONAL_ID_KEYS.has(e.NATIONAL_ID_KEY_ID), {
    message: "NATIONAL_ID_KEY_ID must name a key in NATIONAL_ID_KEYS",
    path: ["NATIONAL_ID_KEY_ID"],
  })
  .superRefine((e, ctx) => {
    // The development mail catcher publishes password-reset links: never on a real site.
    const problem = catcherConfigProblem(e);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["MAIL_CATCHER_DIR"] });
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
    // next-auth reads NEXTAUTH_URL itself; it is the site's address.
    process.env.NEXTAUTH_URL ??= cached.SITE_URL;
  }
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}
