// `npm run backup [-- --to <file>]`: a consistent copy of the subscriptions database while
// the portal runs (SQLite's online backup API copies page by page, and restarts pages that
// a write changes meanwhile). Default target: STATE_DIR/backups/subscriptions-<time>.sqlite.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { backupState } from "../subscriptions/db.js";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { to: { type: "string" } }, strict: true });
  const { stateDir } = loadConfig({ STATE_DIR: process.env.STATE_DIR }).subscriptions;
  const target = path.resolve(values.to ?? path.join(stateDir, "backups", `subscriptions-${new Date().toISOString().replace(/[:.]/g, "-")}.sqlite`));
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const pages = await backupState(stateDir, target);
  // The copy holds addresses: owner-only, as the database itself.
  fs.chmodSync(target, 0o600);
  process.stdout.write(`backup written: ${target} (${pages} pages)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `backup failed: ${(error as Error).message}`}\n`);
  process.exit(1);
});
