// `npm run subscribers -- --stats`: how many readers per district, language and state, and
// the queue — counts only, never an address.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { openStateDb } from "../subscriptions/db.js";
import { createQueueTables } from "../subscriptions/queue.js";
import { createSubscriberTable } from "../subscriptions/subscribers.js";

function main(): void {
  const { values } = parseArgs({ options: { stats: { type: "boolean" }, json: { type: "boolean" } }, strict: true });
  if (!values.stats) {
    process.stderr.write("usage: npm run subscribers -- --stats [--json]\n");
    process.exit(2);
  }
  const { stateDir } = loadConfig({ STATE_DIR: process.env.STATE_DIR }).subscriptions;
  const db = openStateDb(stateDir);
  try {
    const rows = createSubscriberTable(db).stats();
    const queue = createQueueTables(db);
    const status = queue.status(Date.now());
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ readers: rows, queue: status, sent: queue.sentCounts() }, null, 2)}\n`);
      return;
    }
    process.stdout.write("language  district          state         readers\n");
    for (const r of rows) process.stdout.write(`${r.lang.padEnd(10)}${r.district.padEnd(18)}${r.status.padEnd(14)}${r.n}\n`);
    process.stdout.write(`queue: ${status.length} waiting, oldest ${status.oldestAgeSeconds ?? 0} s\n`);
  } finally {
    db.close();
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `subscribers failed: ${(error as Error).message}`}\n`);
  process.exit(1);
}
