// The subscription pages' addresses, in one place: the routes, the e-mails and the nginx
// rule in deploy/ (everything under /bg/abonament/ and /pl/subskrypcja/ goes to the
// SUBSCRIPTIONS=primary instance) all follow it.
import type { Locale } from "../config.js";

export const SUBSCRIPTION_SEGMENTS = {
  bg: { base: "abonament", confirm: "potvardi", manage: "upravlenie", leave: "otpisvane", privacy: "poveritelnost" },
  pl: { base: "subskrypcja", confirm: "potwierdz", manage: "zarzadzaj", leave: "wypisz", privacy: "prywatnosc" },
} as const satisfies Record<Locale, Record<string, string>>;

const s = SUBSCRIPTION_SEGMENTS;

const TOKEN_PATH = new RegExp(`^/(bg|pl)/(${[...new Set(Object.values(s).map((x) => x.base))].join("|")})/([a-z]+)/[^/]+/`);

/** A path for the log: the token of a confirm, manage or leave link (a key to the reader's subscription) left out. */
export function redactTokenPath(path: string): string {
  return path.replace(TOKEN_PATH, "/$1/$2/$3/…/");
}

export const subscriptionUrls = {
  subscribe: (l: Locale) => `/${l}/${s[l].base}/`,
  confirm: (l: Locale, token: string) => `/${l}/${s[l].base}/${s[l].confirm}/${token}/`,
  manage: (l: Locale, token: string) => `/${l}/${s[l].base}/${s[l].manage}/${token}/`,
  /** RFC 8058 one-click: the List-Unsubscribe address, POSTed to by the mail program. */
  leave: (l: Locale, token: string) => `/${l}/${s[l].base}/${s[l].leave}/${token}/`,
  privacy: (l: Locale) => `/${l}/${s[l].privacy}/`,
};
