// The development mail catcher: a real SMTP server (smtp-server) that accepts every message
// and stores it (lib/mail/catcher-store.ts) for /dev/mail to show. `npm run demo`/`dev` and
// the end-to-end tests start it in-process when SMTP_URL is not set; on its own:
//   npx tsx scripts/mail/dev-smtp.ts [--port 2525] [--dir .mail/dev]
// It listens on 127.0.0.1 only, without TLS or authentication: never for production.
import { createServer, type Server } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser, type AddressObject } from "mailparser";
import { storeCaughtMail, type CaughtMail } from "../../lib/mail/catcher-store";

export type MailCatcher = {
  port: number;
  /** The SMTP_URL that reaches it. */
  url: string;
  dir: string;
  close(): Promise<void>;
};

export type MailCatcherOptions = {
  dir: string;
  /** Preferred port; when it is taken (or 0), any free port. */
  port?: number;
  host?: string;
  onMail?: (mail: CaughtMail) => void;
};

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  if (!a) return [];
  return (Array.isArray(a) ? a : [a]).flatMap((o) => o.value.map((v) => (v.name ? `${v.name} <${v.address}>` : (v.address ?? ""))));
}

function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const net = (server as unknown as { server: Server }).server;
    const onError = (e: Error) => {
      net.off("listening", onListening);
      reject(e);
    };
    const onListening = () => {
      net.off("error", onError);
      const address = net.address();
      resolve(typeof address === "object" && address ? address.port : port);
    };
    net.once("error", onError);
    net.once("listening", onListening);
    server.listen(port, host);
  });
}

/** Whether a TCP port is free on the host (so a taken preferred port falls back quietly). */
function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const dir = path.resolve(options.dir);
  const server = new SMTPServer({
    name: "inservice-mail-catcher",
    banner: "全國教師在職進修資訊網 development mail catcher",
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    size: 10 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail = storeCaughtMail(dir, {
            from: addresses(parsed.from)[0] ?? session.envelope.mailFrom?.toString() ?? "",
            to: addresses(parsed.to).length ? addresses(parsed.to) : session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            messageId: parsed.messageId ?? null,
          });
          options.onMail?.(mail);
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  server.on("error", (e) => console.error(`[mail-catcher] ${e.message}`));
  const preferred = options.port ?? 0;
  const port = await listen(server, preferred && (await portIsFree(preferred, host)) ? preferred : 0, host);
  return {
    port,
    url: `smtp://${host}:${port}`,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  void startMailCatcher({ port: Number(flag("port") ?? 2525), dir: flag("dir") ?? ".mail/dev", onMail: (m) => console.log(`[mail-catcher] ${m.to.join(", ")}: ${m.subject}`) }).then(
    (c) => {
      console.log(`[mail-catcher] listening: SMTP_URL=${c.url}  (messages in ${c.dir})`);
      const stop = () => void c.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
  );
}
