// Shared by the subscription tests of the built server: a real SMTP server in this
// process that records, per recipient, every message it accepted, with the time.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  readonly at: number;
  readonly to: string;
  readonly mail: ParsedMail;
}

export interface Relay {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/** `delayMs`: how long each message takes to be accepted (a slow relay makes a batch last). */
export async function startRelay(delayMs = 0): Promise<Relay> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        // Counted once the whole message is in and before it is acknowledged: a client
        // killed after this point did deliver, though it never saw the 250.
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          for (const r of session.envelope.rcptTo) received.push({ at: Date.now(), to: r.address.toLowerCase(), mail });
          setTimeout(() => callback(), delayMs);
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A header's raw value. */
export function headerOf(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n\s+/g, " ")
    .trim();
}
