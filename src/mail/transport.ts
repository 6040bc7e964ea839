// Where e-mails go: the SMTP relay of SMTP_URL (nodemailer), or, without one (a laptop),
// .eml files in STATE_DIR/outbox that any mail program opens.
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer/index.js";

export type Outcome = { ok: true } | { ok: false; permanent: boolean; error: string };

export interface MailTransport {
  /** For the start log: where the messages go (no credentials). */
  readonly describe: string;
  send(message: Mail.Options): Promise<Outcome>;
  close(): void;
}

export const OUTBOX = "outbox";

/**
 * A permanent failure is an SMTP 5xx reply (RFC 5321 §4.2.1: the address does not exist,
 * the mailbox refuses); 4xx replies and connection errors are temporary and retried.
 */
export function classify(error: unknown): Outcome {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const text = `${code ?? e.code ?? "error"}: ${(e.message ?? String(error)).slice(0, 200)}`;
  return { ok: false, permanent: code !== null && code >= 500 && code < 600, error: text };
}

export function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport(url);
  const shown = new URL(url);
  return {
    describe: `SMTP relay ${shown.protocol}//${shown.host}`,
    async send(message) {
      try {
        await transport.sendMail(message);
        return { ok: true };
      } catch (error) {
        return classify(error);
      }
    },
    close: () => transport.close(),
  };
}

export function outboxTransport(stateDir: string): MailTransport {
  const dir = path.join(stateDir, OUTBOX);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  let n = 0;
  return {
    describe: `no SMTP_URL: e-mails are written as .eml files into ${dir}`,
    async send(message) {
      try {
        const info = await transport.sendMail(message);
        const name = `${Date.now()}-${process.pid}-${++n}.eml`;
        // Written whole, then renamed: a reader of the folder never sees half a message.
        fs.writeFileSync(path.join(dir, `.${name}.tmp`), info.message as Buffer, { mode: 0o600 });
        fs.renameSync(path.join(dir, `.${name}.tmp`), path.join(dir, name));
        return { ok: true };
      } catch (error) {
        return classify(error);
      }
    },
    close: () => {},
  };
}
