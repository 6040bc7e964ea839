// Issue 19, item 11: the address is made from the title (cut at 80 characters), so
// districts that publish the same title every month ("График за сметосъбиране",
// "Komunikat") got one address, and every article after the first was refused. Each is
// now published at its own address, with a warning: the earliest keeps the plain one,
// the others get their date added. The rule reads only the tree, so every replica and
// every order of indexing gives the same addresses.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ContentIndex } from "../../src/index/index.js";
import { copyFixture, tempDir } from "../helpers/app.js";

const LONG = "Съобщение за планирано прекъсване на водоподаването в квартал Лозенец поради ремонт на водопровода на улица";
const FILES: Record<string, string> = {
  "bg/sredets/2026-09-01-grafik.md": "---\ntitle: График за сметосъбиране\ndate: 2026-09-01\n---\nСептември.\n",
  "bg/lozenets/2026-10-01-grafik.md": "---\ntitle: График за сметосъбиране\ndate: 2026-10-01\n---\nОктомври.\n",
  "bg/sredets/2026-11-01-grafik.md": "---\ntitle: График за сметосъбиране\ndate: 2026-11-01\n---\nНоември.\n",
  "bg/sredets/2026-11-01-grafik-2.md": "---\ntitle: График за сметосъбиране\ndate: 2026-11-01\n---\nНоември, втори.\n",
  "pl/sopot/2026-10-05-komunikat.md": "---\ntitle: Komunikat\ndate: 2026-10-05\n---\nPierwszy.\n",
  "pl/gdansk/2026-10-06-komunikat.md": '---\ntitle: Komunikat\ndate: "2026-10-06T23:30:00+02:00"\n---\nDrugi.\n',
  "bg/lozenets/2026-11-02-voda-a.md": `---\ntitle: "${LONG} Шипка"\ndate: 2026-11-02\n---\nА.\n`,
  "bg/lozenets/2026-11-03-voda-b.md": `---\ntitle: "${LONG} Оборище"\ndate: 2026-11-03\n---\nБ.\n`,
};
const LONG_SLUG = "saobshtenie-za-planirano-prekasvane-na-vodopodavaneto-v-kvartal-lozenets-poradi";

const EXPECTED: Record<string, string> = {
  "bg/sredets/2026-09-01-grafik.md": "/bg/novini/grafik-za-smetosabirane/",
  "bg/lozenets/2026-10-01-grafik.md": "/bg/novini/grafik-za-smetosabirane-2026-10-01/",
  "bg/sredets/2026-11-01-grafik-2.md": "/bg/novini/grafik-za-smetosabirane-2026-11-01/",
  "bg/sredets/2026-11-01-grafik.md": "/bg/novini/grafik-za-smetosabirane-2026-11-01-2/",
  "pl/sopot/2026-10-05-komunikat.md": "/pl/aktualnosci/komunikat/",
  // The day in the article's own time zone (Warsaw), not UTC's.
  "pl/gdansk/2026-10-06-komunikat.md": "/pl/aktualnosci/komunikat-2026-10-06/",
  "bg/lozenets/2026-11-02-voda-a.md": `/bg/novini/${LONG_SLUG}/`,
  "bg/lozenets/2026-11-03-voda-b.md": `/bg/novini/${LONG_SLUG}-2026-11-03/`,
};

const open: ContentIndex[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function write(dir: string, files: readonly string[]): void {
  for (const rel of files) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), FILES[rel]!);
  }
}

async function build(dir: string): Promise<ContentIndex> {
  const index = await ContentIndex.open(loadConfig({ NODE_ENV: "test", CONTENT_DIR: dir, DATA_DIR: tempDir("data"), LOG_LEVEL: "silent" }));
  open.push(index);
  return index;
}

function addresses(index: ContentIndex): Record<string, string> {
  const rows = index.db.prepare("SELECT file, lang, slug FROM articles WHERE active = 1").all() as { file: string; lang: string; slug: string }[];
  return Object.fromEntries(rows.filter((r) => r.file in FILES).map((r) => [r.file, `/${r.lang}/${r.lang === "bg" ? "novini" : "aktualnosci"}/${r.slug}/`]));
}

describe("recurring titles", () => {
  it("are all published, each at its own address, with a warning and no error", async () => {
    const dir = copyFixture("content");
    write(dir, Object.keys(FILES));
    const index = await build(dir);
    expect(addresses(index)).toEqual(EXPECTED);
    const problems = index.issues().filter((i) => i.file in FILES);
    expect(problems.filter((i) => i.severity === "error")).toEqual([]);
    expect(problems.map((i) => i.file).sort()).toEqual([
      "bg/lozenets/2026-10-01-grafik.md",
      "bg/lozenets/2026-11-03-voda-b.md",
      "bg/sredets/2026-11-01-grafik-2.md",
      "bg/sredets/2026-11-01-grafik.md",
      "pl/gdansk/2026-10-06-komunikat.md",
    ]);
    const warning = problems.find((i) => i.file === "bg/lozenets/2026-10-01-grafik.md")!;
    expect(warning).toMatchObject({ line: 2, field: "title", severity: "warning" });
    expect(warning.message).toBe(
      "gives the address /bg/novini/grafik-za-smetosabirane/, already used by bg/sredets/2026-09-01-grafik.md — published at /bg/novini/grafik-za-smetosabirane-2026-10-01/; to keep that address for good, add the line slug: grafik-za-smetosabirane-2026-10-01",
    );
  });

  it("give the same addresses whatever order the files were indexed in", async () => {
    const dir = copyFixture("content");
    const index = await build(dir);
    // Newest first, one sync each: the live portal sees them arrive in the wrong order.
    for (const rel of Object.keys(FILES).reverse()) {
      write(dir, [rel]);
      await index.sync();
    }
    expect(addresses(index)).toEqual(EXPECTED);
  });

  it("keep the existing addresses when a later one arrives", async () => {
    const dir = copyFixture("content");
    write(dir, Object.keys(FILES));
    const index = await build(dir);
    fs.writeFileSync(path.join(dir, "bg/sredets/2026-12-01-grafik.md"), "---\ntitle: График за сметосъбиране\ndate: 2026-12-01\n---\nДекември.\n");
    await index.sync();
    expect(addresses(index)).toEqual(EXPECTED);
    expect(index.db.prepare("SELECT slug FROM articles WHERE file = 'bg/sredets/2026-12-01-grafik.md'").pluck().get()).toBe(
      "grafik-za-smetosabirane-2026-12-01",
    );
  });
});
