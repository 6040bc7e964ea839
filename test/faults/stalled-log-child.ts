// Child of stalled-log-reader.test.ts: logs far more than a pipe holds to a stdout nobody
// reads, reports what it could not write, then exits as the server does on SIGTERM.
import { createProcessLog } from "../../src/server/log.js";

const log = createProcessLog({ level: "info", maxBufferedBytes: 256 * 1024 });
const line = "x".repeat(200);
const started = Date.now();
for (let i = 0; i < 20_000; i++) log.logger.info({ i }, line); // ~5 MB
const loggedMs = Date.now() - started;
await log.drained(1_000);
process.stderr.write(`${JSON.stringify({ loggedMs, dropped: log.dropped(), heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) })}\n`);
process.exit(0);
