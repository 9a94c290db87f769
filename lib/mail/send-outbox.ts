import "server-only";
import { db } from "@/lib/db";
import { getMailTransport, mailFrom } from "@/lib/mail/transport";

/**
 * Delivers the outbox (MailMessage rows with status QUEUED) over SMTP. Run by the mail-send
 * job: after each use case that queues mail, and every minute by the sweep.
 *
 * Each message is claimed in its own short transaction (`FOR UPDATE SKIP LOCKED`), so several
 * senders never send one message twice and a crash loses at most the message in hand. A failure
 * adds one to `attempts` and keeps `lastError`; the next try waits 1, 3, 7, 15 … minutes after
 * the message was written, and after MAX_ATTEMPTS tries (about 4 hours) the message is FAILED.
 * No use case ever waits for this: they only write rows.
 */
export const MAX_ATTEMPTS = 8;
/** The first retry waits this long; each later one twice as long again. */
export const RETRY_BASE_SECONDS = 60;
/** One run stops after this many messages or this long; the next run carries on. */
const MAX_PER_RUN = 500;
const MAX_RUN_MS = 5 * 60_000;

export type SendOutboxOptions = {
  now?: () => Date;
  /** Tests: retry at once (0) instead of after a minute. */
  retryBaseSeconds?: number;
  maxPerRun?: number;
};

export type SendOutboxResult = {
  sent: number;
  /** Failed this time, will be tried again. */
  retrying: number;
  /** Failed for the last time (status FAILED). */
  failed: number;
  /** No SMTP_URL: nothing was tried. */
  notConfigured?: boolean;
};

type Claimed = { id: number; toAddress: string; subject: string; text: string; attempts: number };

/** Errors that say the server cannot be reached now: the rest of the run would fail alike. */
const CONNECTION_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS", "ECONNREFUSED"]);

function errorText(e: unknown): string {
  const err = e as { message?: string; code?: string; responseCode?: number };
  const parts = [err.code, err.responseCode ? String(err.responseCode) : undefined, err.message ?? String(e)].filter(Boolean);
  return parts.join(" ").slice(0, 1000);
}

export async function sendQueuedMail(options: SendOutboxOptions = {}): Promise<SendOutboxResult> {
  const result: SendOutboxResult = { sent: 0, retrying: 0, failed: 0 };
  const transport = getMailTransport();
  if (!transport) return { ...result, notConfigured: true };
  const now = options.now ?? (() => new Date());
  const base = options.retryBaseSeconds ?? RETRY_BASE_SECONDS;
  const limit = options.maxPerRun ?? MAX_PER_RUN;
  const started = Date.now();
  let afterId = 0;

  while (result.sent + result.retrying + result.failed < limit && Date.now() - started < MAX_RUN_MS) {
    // One message per transaction; `afterId` makes each run try each message at most once.
    const done = await db.$transaction(
      async (tx) => {
        const [m] = await tx.$queryRaw<Claimed[]>`
          SELECT id, "toAddress", subject, text, attempts FROM "MailMessage"
          WHERE status = 'QUEUED' AND id > ${afterId}
            AND "createdAt" + make_interval(secs => ${base}::float8 * (power(2, attempts) - 1)) <= ${now()}::timestamp
          ORDER BY id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`;
        if (!m) return "empty" as const;
        afterId = m.id;
        try {
          const info = await transport.sendMail({ from: mailFrom(), to: m.toAddress, subject: m.subject, text: m.text });
          await tx.mailMessage.update({
            where: { id: m.id },
            data: { status: "SENT", sentAt: now(), messageId: info.messageId ?? null, attempts: { increment: 1 }, lastError: null },
          });
          result.sent++;
        } catch (e) {
          const last = m.attempts + 1 >= MAX_ATTEMPTS;
          await tx.mailMessage.update({
            where: { id: m.id },
            data: { attempts: { increment: 1 }, lastError: errorText(e), ...(last ? { status: "FAILED" as const } : {}) },
          });
          if (last) result.failed++;
          else result.retrying++;
          if (CONNECTION_ERRORS.has(String((e as { code?: string }).code))) return "unreachable" as const;
        }
        return "more" as const;
      },
      // The send happens inside: allow for the SMTP timeouts (lib/mail/transport.ts).
      { timeout: 90_000, maxWait: 10_000 },
    );
    // Stop when the outbox is empty, or when the server cannot be reached: the sweep tries again.
    if (done !== "more") break;
  }
  return result;
}
