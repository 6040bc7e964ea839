import { AppError } from "./errors.js";
import path from "node:path";
import { z } from "zod";
import { redactUrl } from "./content-repo/git.js";
import { repoPaths } from "./content-repo/paths.js";
import { subscriptionEnv, subscriptionSettings, type SubscriptionSettings } from "./subscriptions/settings.js";

export const LOCALES = ["bg", "pl"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Languages of the editor messages (src/content/messages/): the site's two, and English. */
export const EDITOR_LANGS = ["en", "bg", "pl"] as const;
export type EditorLang = (typeof EDITOR_LANGS)[number];

export function isEditorLang(value: unknown): value is EditorLang {
  return typeof value === "string" && (EDITOR_LANGS as readonly string[]).includes(value);
}

/**
 * The editor language a POSIX locale names ("bg_BG.UTF-8" → bg, "pl" → pl), or null
 * ("C", "POSIX", "de_DE", unset). As setlocale does for messages, the first of LC_ALL,
 * LC_MESSAGES and LANG that is set decides, even when it names no language of ours.
 */
export function localeEditorLang(env: { LC_ALL?: string | undefined; LC_MESSAGES?: string | undefined; LANG?: string | undefined }): EditorLang | null {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const lang = locale ? /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(locale)?.[1]?.toLowerCase() : undefined;
  return isEditorLang(lang) ? lang : null;
}

const portNumber = z.coerce.number().int().min(0).max(65535);

// A time zone is valid when Intl accepts it; checked once at start so a typo
// ("Europe/Sofija") stops the portal instead of shifting every date.
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "is not an IANA time zone such as Europe/Sofia");

// Which X-Forwarded-For entry is the client (Express "trust proxy"). nginx appends the
// address it saw ($proxy_add_x_forwarded_for) to whatever the client sent, so only the
// right-most entries that trusted proxies added are true: a hop count (1 for one nginx)
// or the proxies' addresses ("loopback", "10.0.0.0/8"). "true" would trust every entry
// and take the left-most one, which the client wrote itself: refused.
const trustProxy = z
  .string()
  .refine(
    (raw) => raw !== "true",
    "trusts every X-Forwarded-For entry, so any client could pick its own address (and escape the search rate limit) — set the number of proxies in front of the portal (1 for one nginx) or their addresses (loopback, 10.0.0.0/8)",
  )
  .transform((raw): false | number | string => {
    if (raw === "false" || raw === "") return false;
    if (/^\d+$/.test(raw)) return Number(raw);
    return raw; // an address list or a preset such as "loopback", as Express accepts it
  });

// CONTENT_REPO: only transports that cannot run a command (git's ext:: and fd:: can),
// and none in clear text (http://, git://). Local paths are made absolute here.
const contentRepo = z
  .string()
  .min(1)
  .refine((url) => !url.startsWith("-") && !/^[a-z][a-z0-9+.-]*::/i.test(url), "is not a git URL")
  .refine((url) => {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
    return scheme === undefined || ["https", "ssh", "file"].includes(scheme);
  }, "must be an https://, ssh:// or file:// URL, user@host:path (ssh) or a local path")
  .transform((url) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+@[^/:]+:/.test(url) ? url : path.resolve(url)));

const emptyIsUnset = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: portNumber.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  BASE_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((url) => url?.replace(/\/+$/, "")),
  CONTENT_DIR: z.string().min(1).default("./content"),
  DATA_DIR: z.string().min(1).default("./.data"),
  DEFAULT_LOCALE: z.enum(LOCALES).default("bg"),
  TIME_ZONE_BG: timeZone.default("Europe/Sofia"),
  TIME_ZONE_PL: timeZone.default("Europe/Warsaw"),
  TRUST_PROXY: trustProxy.default(false),
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(0).max(100000).default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WATCH: z.enum(["true", "false"]).optional(),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // Empty means unset, as for a variable a deployment template always writes. (Not a
  // union with "": zod would then say "Invalid input" instead of what is wrong.)
  CONTENT_REPO: z.preprocess(emptyIsUnset, contentRepo.optional()),
  CONTENT_BRANCH: z
    .string()
    .regex(/^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+(?<![./])$/, "is not a branch name such as main")
    .default("main"),
  CONTENT_POLL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  CONTENT_SSH_KEY: z
    .string()
    .regex(/^[^'"\\\n]+$/, "must be a path without quotes")
    .optional()
    .transform((p) => p && path.resolve(p)),
  // The language of editor messages: EDITOR_LANG, else the system locale, else English.
  EDITOR_LANG: z.enum(["", ...EDITOR_LANGS], { error: `must be one of ${EDITOR_LANGS.join(", ")}` }).optional(),
  LC_ALL: z.string().optional(),
  LC_MESSAGES: z.string().optional(),
  LANG: z.string().optional(),
  WEBHOOK_SECRET: z.preprocess(emptyIsUnset, z.string().min(16, "must be at least 16 characters (openssl rand -hex 32 makes one)").optional()),
  // Subscriptions (issue 24): see src/subscriptions/settings.ts.
  ...subscriptionEnv,
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  readonly env: "development" | "production" | "test";
  readonly port: number;
  readonly host: string;
  /** Absolute origin used in canonical URLs, sitemaps and feeds, without a trailing slash. */
  readonly baseUrl: string;
  readonly contentDir: string;
  readonly dataDir: string;
  readonly defaultLocale: Locale;
  readonly timeZones: Readonly<Record<Locale, string>>;
  /** Express "trust proxy": a hop count or the proxies' addresses; never `true` (see trustProxy). */
  readonly trustProxy: false | number | string;
  /** Search requests allowed per client and minute; 0 turns the limit off. */
  readonly searchRateLimit: number;
  readonly logLevel: string;
  /** Watch the content folder and re-index on change. */
  readonly watch: boolean;
  /** Processes serving requests (node:cluster); 1 serves from the main process. */
  readonly workers: number;
  /**
   * The content repository followed (CONTENT_REPO); contentDir is then its deployed tree
   * inside DATA_DIR (src/content-repo/repo.ts) and the folder watcher is off.
   */
  readonly contentRepo: ContentRepoConfig | null;
  /** The language of editor messages (`npm run check`, start-up warnings): EDITOR_LANG, the locale, or en. */
  readonly editorLang: EditorLang;
  /** Signs POST /hooks/content (WEBHOOK_SECRET); without it the endpoint answers 404. */
  readonly webhookSecret: string | null;
  /** E-mail subscriptions: state folder, mail relay, role (src/subscriptions/settings.ts). */
  readonly subscriptions: SubscriptionSettings;
}

export interface ContentRepoConfig {
  readonly url: string;
  readonly branch: string;
  /** 0: no polling, webhooks only. */
  readonly pollSeconds: number;
  readonly sshKey?: string | undefined;
}

export class ConfigError extends AppError {
  override name = "ConfigError";
}

/** A value as an error message may show it: never a secret, never a URL's credentials. */
function shown(name: string, value: string | undefined): string {
  if ((name === "WEBHOOK_SECRET" || name === "SECRET_KEY") && value !== undefined) return `${value.length} characters`;
  return JSON.stringify((name === "CONTENT_REPO" || name === "SMTP_URL") && value ? redactUrl(value) : value);
}

/** Parses the environment once; every other module receives the frozen result. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message} (got ${shown(String(issue.path[0]), env[String(issue.path[0])])})`,
    );
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`, { cause: parsed.error });
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const repo: ContentRepoConfig | null = e.CONTENT_REPO
    ? Object.freeze({ url: e.CONTENT_REPO, branch: e.CONTENT_BRANCH, pollSeconds: e.CONTENT_POLL_SECONDS, sshKey: e.CONTENT_SSH_KEY })
    : null;
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl: e.BASE_URL ?? `http://localhost:${e.PORT}`,
    contentDir: repo ? repoPaths(dataDir).current : path.resolve(e.CONTENT_DIR),
    dataDir,
    defaultLocale: e.DEFAULT_LOCALE,
    timeZones: Object.freeze({ bg: e.TIME_ZONE_BG, pl: e.TIME_ZONE_PL }),
    trustProxy: e.TRUST_PROXY,
    searchRateLimit: e.SEARCH_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    watch: repo ? false : e.WATCH ? e.WATCH === "true" : e.NODE_ENV !== "test",
    workers: e.WORKERS,
    contentRepo: repo,
    editorLang: e.EDITOR_LANG || localeEditorLang(e) || "en",
    webhookSecret: e.WEBHOOK_SECRET || null,
    subscriptions: subscriptionSettings(e),
  });
}
