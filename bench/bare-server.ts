// The baseline for "a cached page is nearly free": a bare Express route that sends the
// same bytes as a portal page, and nothing else (no middleware, no ETag, no logging).
// Usage: node --import tsx bench/bare-server.ts <port> <file with the body>
import fs from "node:fs";
import express from "express";

const [port, file] = process.argv.slice(2);
if (!port || !file) {
  console.error("usage: bare-server.ts <port> <body file>");
  process.exit(2);
}
const body = fs.readFileSync(file);
const app = express();
app.disable("x-powered-by");
app.set("etag", false);
app.get("/article", (_req, res) => {
  res.type("text/html; charset=utf-8").send(body);
});
const server = app.listen(Number(port), "127.0.0.1", () => console.log(`listening ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
