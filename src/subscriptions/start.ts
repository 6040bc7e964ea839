// Opening the subscriptions at start (src/server.ts, and the cluster primary, which sends).
import cluster from "node:cluster";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { createI18n } from "../i18n/index.js";
import { Subscriptions } from "./service.js";

/** Null with SUBSCRIPTIONS=off. A replica opens them for the form token only. */
export async function openSubscriptions(config: Config, logger: Logger): Promise<Subscriptions | null> {
  if (config.subscriptions.role === "off") return null;
  try {
    return new Subscriptions(config, { logger, i18n: await createI18n(config.defaultLocale) });
  } catch (cause) {
    throw new Error(
      `Cannot open the subscriptions in STATE_DIR ${config.subscriptions.stateDir} — check that the folder is writable, or set SUBSCRIPTIONS=off`,
      { cause },
    );
  }
}

/** Whether this process sends: the primary instance, and there the process that keeps the index in sync. */
export function sendsMail(config: Config): boolean {
  return config.subscriptions.role === "primary" && !cluster.isWorker;
}
