// The Nu HTML Checker (vnu.jar, the W3C validator) on the server's HTML of every page type
// in both languages: no errors (WCAG 2.1 4.1.1 parsing; also catches broken ARIA and ids).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/app.js";
import { ROOT, startHarness } from "./harness.js";

const VNU = path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");
const h = await startHarness({ browser: false });
afterAll(() => h.close());

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

const messages = new Map<string, string[]>();

beforeAll(async () => {
  const dir = tempDir("vnu");
  const files: string[] = [];
  for (const p of h.pages) {
    const res = await fetch(h.base + p.url);
    const file = path.join(dir, `${p.locale}-${p.name}.html`);
    fs.writeFileSync(file, await res.text());
    files.push(file);
  }
  // One JVM for all pages; vnu exits 1 when it finds errors, the JSON is on stdout either way.
  let out: string;
  try {
    out = execFileSync("java", ["-jar", VNU, "--format", "json", "--stdout", ...files], { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });
  } catch (cause) {
    out = String((cause as { stdout?: string }).stdout ?? "");
    if (!out) throw new Error("vnu.jar did not run — is Java installed?", { cause });
  }
  for (const m of (JSON.parse(out) as { messages: VnuMessage[] }).messages) {
    if (m.type !== "error") continue;
    const name = path.basename(decodeURIComponent(new URL(m.url).pathname), ".html");
    messages.set(name, [...(messages.get(name) ?? []), `line ${m.lastLine}: ${m.message}`]);
  }
}, 120_000);

describe.each(h.pages)("$locale $name ($url)", ({ locale, name }) => {
  it("is valid HTML", () => {
    expect(messages.get(`${locale}-${name}`) ?? []).toEqual([]);
  });
});
