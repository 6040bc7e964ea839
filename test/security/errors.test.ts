// One last-resort error handler: an unexpected failure is a localized 500 page with a
// request id and nothing internal (no message, stack or path), and the log gets one
// structured line per request plus the error with its cause.
import { Writable } from "node:stream";
import pino from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import { copyFixture, NOW, tempDir } from "../helpers/app.js";

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  method?: string;
  path?: string;
  status?: number;
  ms?: number;
  err?: { message: string; stack: string; cause?: { message: string } };
}

const lines: LogLine[] = [];
let portal: App;
let index: ContentIndex;

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: "test", CONTENT_DIR: copyFixture("content"), DATA_DIR: tempDir("data"), BASE_URL: "https://news.example.org" });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  index = await ContentIndex.open(config, { clock: () => NOW });
  portal = await createApp({ config, index, logger: pino({ level: "info" }, sink) });
  (portal.deps.index.articles as { page: unknown }).page = () => {
    throw new Error("listing query failed in /srv/portal/src/index/articles.ts", { cause: new Error("SQLITE_IOERR: disk I/O error") });
  };
});

afterAll(() => index?.close());

describe("an unexpected error", () => {
  it("shows a localized 500 page with the request id and nothing internal", async () => {
    for (const [url, heading] of [
      ["/bg/novini/", "Нещо се обърка"],
      ["/pl/aktualnosci/", "Coś poszło nie tak"],
    ] as const) {
      const res = await request(portal.app).get(url);
      expect(res.status, url).toBe(500);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.text).toContain(heading);
      const id = String(res.headers["x-request-id"]);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.text).toContain(id);
      for (const leak of ["listing query failed", "SQLITE", "/srv/portal", "articles.ts", "    at ", "Error:", "node_modules"]) {
        expect(res.text, leak).not.toContain(leak);
      }
    }
  });

  it("is logged once with its cause and the request id, beside the request line", async () => {
    lines.length = 0;
    const res = await request(portal.app).get("/bg/novini/");
    const id = String(res.headers["x-request-id"]);
    const failure = lines.find((l) => l.msg === "request failed" && l.reqId === id);
    expect(failure?.level).toBe(50);
    expect(failure?.err?.message).toContain("listing query failed");
    expect(failure?.err?.stack).toContain("SQLITE_IOERR");
    const entry = lines.find((l) => l.msg === "request" && l.reqId === id);
    expect(entry).toMatchObject({ level: 50, method: "GET", path: "/bg/novini/", status: 500 });
    expect(typeof entry?.ms).toBe("number");
  });
});

describe("the request log", () => {
  it("has one info line per request with id, method, path, status and duration, never the query", async () => {
    lines.length = 0;
    const res = await request(portal.app).get("/bg/no-such-page/?q=private+search");
    expect(res.status).toBe(404);
    const entry = lines.find((l) => l.msg === "request" && l.reqId === res.headers["x-request-id"]);
    expect(entry).toMatchObject({ level: 30, method: "GET", path: "/bg/no-such-page/", status: 404 });
    expect(JSON.stringify(lines)).not.toContain("private");
    expect(lines.some((l) => l.msg === "request failed")).toBe(false);
  });

  it("gives every response its own request id", async () => {
    const a = await request(portal.app).get("/healthz");
    const b = await request(portal.app).get("/healthz");
    expect(a.headers["x-request-id"]).not.toBe(b.headers["x-request-id"]);
  });
});
