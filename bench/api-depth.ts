// One-off measurement for the JSON API's keyset pages (issue 26): the latency of page 1
// and of page 200 of /api/v1/articles (20 per page), over HTTP on 127.0.0.1, at a corpus
// size given by --size (default 100,000). Not part of `npm run bench`.
//   npx tsx bench/api-depth.ts --size 100000
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import http from "node:http";
import pino from "pino";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { ContentIndex } from "../src/index/index.js";
import { ensureCorpus, sizeArg } from "./corpus.js";

const ROUNDS = 40;

async function main(): Promise<void> {
  const size = sizeArg(process.argv.slice(2), 100_000);
  const corpus = ensureCorpus(size);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-api-depth-"));
  const config = loadConfig({ NODE_ENV: "production", CONTENT_DIR: corpus.dir, DATA_DIR: dataDir, BASE_URL: "http://127.0.0.1", LOG_LEVEL: "silent" });
  let started = performance.now();
  const index = await ContentIndex.open(config);
  console.log(`index of ${size} articles ready in ${Math.round(performance.now() - started)} ms`);
  const { handle } = await createApp({ config, index, logger: pino({ level: "silent" }), compiledViews: null });
  const server = http.createServer(handle).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const tags = (await (await fetch(`${origin}/api/v1/tags?lang=bg`)).json()) as { items: { slug: string }[] };
    for (const filter of ["", "lang=bg", `lang=bg&district=${corpus.district.id}`, `lang=bg&tag=${tags.items[0]!.slug}`]) {
      // Walk the cursors to page 200, keeping the address of each page.
      const pages: string[] = [`/api/v1/articles?${filter}${filter ? "&" : ""}limit=20`];
      started = performance.now();
      while (pages.length < 200) {
        const body = (await (await fetch(origin + pages.at(-1)!)).json()) as { next: string | null };
        if (!body.next) break;
        pages.push(body.next.replace("http://127.0.0.1", ""));
      }
      console.log(`[${filter || "all"}] walked ${pages.length} pages in ${Math.round(performance.now() - started)} ms`);
      for (const [name, url] of [
        ["page 1", pages[0]!],
        [`page ${pages.length}`, pages.at(-1)!],
      ] as const) {
        const times: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const t = performance.now();
          const res = await fetch(origin + url);
          await res.arrayBuffer();
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
        console.log(`[${filter || "all"}] ${name}: median ${q(0.5)} ms, p90 ${q(0.9)} ms (${ROUNDS} requests)`);
      }
    }
  } finally {
    server.close();
    index.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
