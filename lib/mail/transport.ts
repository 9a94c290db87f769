import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/env";

/**
 * The SMTP transport (nodemailer) for SMTP_URL, made once per process and URL. Timeouts are
 * short so that a slow or unreachable mail server fails a send (which the outbox retries)
 * instead of holding the sender for minutes.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

let cached: { url: string; transport: Transporter<SMTPTransport.SentMessageInfo> } | undefined;

/** The transport, or null when no mail server is configured (mail then waits in the outbox). */
export function getMailTransport(): Transporter<SMTPTransport.SentMessageInfo> | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport(new SMTPTransport({ url, ...SMTP_TIMEOUTS })) };
  }
  return cached.transport;
}

/** The From header: MAIL_FROM, a display name and an address. */
export function mailFrom(): string {
  return env().MAIL_FROM;
}

/** Closes the cached transport (tests, and a change of SMTP_URL). */
export function closeMailTransport(): void {
  cached?.transport.close();
  cached = undefined;
}
