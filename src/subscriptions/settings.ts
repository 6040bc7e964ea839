// The environment of e-mail subscriptions, parsed with the rest of the configuration in
// src/config.ts (which spreads `subscriptionEnv` into its schema): nothing else reads
// process.env. Kept here so the subscription settings have one home.
import path from "node:path";
import { z } from "zod";

/** "Name <address>" or a bare address, as nodemailer and RFC 5322 take it. */
const mailbox = z
  .string()
  .trim()
  .refine((v) => {
    const address = /<([^<>]+)>\s*$/.exec(v)?.[1] ?? v;
    return z.email().safeParse(address).success;
  }, "must be an e-mail address or Name <address>");

export const subscriptionEnv = {
  // Residents' subscriptions and the send log: never in DATA_DIR, whose index may be deleted and rebuilt.
  STATE_DIR: z.string().min(1).default("./.state"),
  // Signs links and form tokens; when unset, one is generated into STATE_DIR (mode 0600).
  SECRET_KEY: z.literal("").or(z.string().min(32, "must be at least 32 characters (openssl rand -hex 32 makes one)")).optional(),
  // The relay (smtp://user:pass@host:587, smtps://…:465); unset: .eml files in STATE_DIR/outbox.
  SMTP_URL: z
    .literal("")
    .or(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }))
    .optional(),
  MAIL_FROM: mailbox.default("Районни новини <news@localhost>"),
  // primary: serves the subscription pages and sends; replica: shows the form only (nginx
  // routes the subscription paths to the primary); off: neither.
  SUBSCRIPTIONS: z.enum(["primary", "replica", "off"]).default("primary"),
  // Messages per second handed to the relay (a relay's own limit, or a provider's plan).
  MAIL_RATE: z.coerce.number().positive().max(1000).default(5),
};

type SubscriptionEnv = z.output<z.ZodObject<typeof subscriptionEnv>>;

export interface SubscriptionSettings {
  readonly role: "primary" | "replica" | "off";
  readonly stateDir: string;
  readonly secretKey: string | null;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly mailRate: number;
}

export function subscriptionSettings(e: SubscriptionEnv): SubscriptionSettings {
  return Object.freeze({
    role: e.SUBSCRIPTIONS,
    stateDir: path.resolve(e.STATE_DIR),
    secretKey: e.SECRET_KEY || null,
    smtpUrl: e.SMTP_URL || null,
    mailFrom: e.MAIL_FROM,
    mailRate: e.MAIL_RATE,
  });
}
