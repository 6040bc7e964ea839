// What the server answers while the index is being built (a cold start, a schema change,
// or a damaged index file rebuilt from the content): it listens at once, so a load
// balancer or a visitor gets a clear 503 with Retry-After instead of a refused connection,
// and /healthz tells a supervisor that the process is alive.
import type { IncomingMessage, ServerResponse } from "node:http";

const RETRY_AFTER_S = "5";

export function startingHandler(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? "/").split("?")[0];
  const alive = path === "/healthz";
  const body = JSON.stringify(alive ? { status: "ok" } : { status: "starting" });
  res.statusCode = alive ? 200 : 503;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  if (!alive) res.setHeader("Retry-After", RETRY_AFTER_S);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(req.method === "HEAD" ? undefined : body);
}
