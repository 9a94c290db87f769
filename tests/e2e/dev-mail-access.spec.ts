import os from "node:os";
import { expect, test } from "./helpers";
import { CLIENT_ADDRESS_HEADER } from "../../lib/net/client-address";
import { storeCaughtMail } from "../../lib/mail/catcher-store";

// The development mail catcher shows password-reset links, so /dev/mail answers only this machine
// (the loopback address), whatever the request says about itself. The server under test
// (scripts/serve.ts) listens on every interface: a request to this machine's own LAN address
// arrives from that address, not from 127.0.0.1, as one from another machine would.

const PORT = Number(process.env.E2E_PORT ?? 3100);

function lanAddress(): string {
  const found = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === "IPv4");
  if (!found) throw new Error("This machine has no non-loopback IPv4 address, so a request from another address cannot be made here.");
  return found.address;
}

test("/dev/mail answers 404 to another address, even with a forged client-address header", async ({ request }) => {
  const dir = process.env.MAIL_CATCHER_DIR;
  if (!dir) throw new Error("MAIL_CATCHER_DIR is not set: run the end-to-end tests with npm run test:e2e.");
  const mail = storeCaughtMail(dir, { from: "a@inservice.test", to: ["b@inservice.test"], subject: "重設密碼通知（存取測試）", text: "https://example.test/reset-password?token=secret", messageId: null });

  // From this machine: the list and the message.
  const local = `http://127.0.0.1:${PORT}`;
  expect((await request.get(`${local}/dev/mail`)).status()).toBe(200);
  expect((await request.get(`${local}/dev/mail/${mail.id}`)).status()).toBe(200);

  // From another address: 404, whatever the request claims.
  const other = `http://${lanAddress()}:${PORT}`;
  const forgeries: Record<string, string>[] = [
    {},
    { [CLIENT_ADDRESS_HEADER]: "127.0.0.1" },
    { [CLIENT_ADDRESS_HEADER]: "::1" },
    { "X-Forwarded-For": "127.0.0.1" },
  ];
  for (const headers of forgeries) {
    for (const page of ["/dev/mail", `/dev/mail/${mail.id}`]) {
      const res = await request.get(`${other}${page}`, { headers });
      expect({ page, headers, status: res.status() }).toEqual({ page, headers, status: 404 });
      expect(await res.text()).not.toContain("token=secret");
    }
  }
});
