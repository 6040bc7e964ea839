import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { articleSource, createArticle, knownDistricts } from "../../src/content/new-article.js";
import { FIXTURES, copyFixture } from "../helpers/app.js";

const ROOT = path.resolve(FIXTURES, "../..");
const timeZones = { bg: "Europe/Sofia", pl: "Europe/Warsaw" } as const;
// 2026-11-23 23:30 UTC: already the 24th in Sofia (UTC+2) and in Warsaw (UTC+1).
const LATE = Date.UTC(2026, 10, 23, 23, 30);

describe("createArticle", () => {
  it("writes a draft with today's date in the language's time zone and a transliterated slug", () => {
    const contentDir = copyFixture("content");
    const a = createArticle({ contentDir, timeZones }, { lang: "bg", district: "sredets", title: "Нов парк в „Средец“" }, LATE);
    expect(a.rel).toBe("bg/sredets/2026-11-24-nov-park-v-sredets.md");
    const text = fs.readFileSync(a.file, "utf8");
    expect(text).toBe(articleSource("bg", "Нов парк в „Средец“", "2026-11-24", "nov-park-v-sredets"));
    expect(text).toContain('title: "Нов парк в „Средец“"\nslug: nov-park-v-sredets\ndate: "2026-11-24"\n# summary: ');
    expect(text).toContain("tags: []\ndraft: true\n---\n\n## Подзаглавие\n\n");
  });

  it("writes a Polish bundle with a Polish skeleton, and the result passes the check", () => {
    const contentDir = copyFixture("content");
    const a = createArticle({ contentDir, timeZones }, { lang: "pl", district: "sopot", title: 'Nowe ławki "przy molo"', date: "2026-12-01", bundle: true });
    expect(a.rel).toBe("pl/sopot/2026-12-01-nowe-lawki-przy-molo/index.md");
    expect(a.source).toContain("## Śródtytuł");
    const mine = checkContent({ contentDir, timeZones }).issues.filter((i) => i.file === a.rel);
    expect(mine).toEqual([]);
  });

  it("refuses an unknown district, listing the known ones, and never overwrites", () => {
    const contentDir = copyFixture("content");
    const config = { contentDir, timeZones };
    expect(() => createArticle(config, { lang: "bg", district: "vitosha", title: "Х" })).toThrow(
      'unknown district "vitosha" — known districts: gdansk, gdynia, lozenets, oborishte, rumia, sopot, sredets',
    );
    const input = { lang: "bg", district: "sredets", title: "Два пъти", date: "2026-12-02" } as const;
    createArticle(config, input);
    expect(() => createArticle(config, { ...input, bundle: true })).toThrow(
      "bg/sredets/2026-12-02-dva-pati.md already exists — open it, or choose another title",
    );
    expect(() => createArticle(config, { ...input, date: "2026-02-30" })).toThrow('"2026-02-30" is not a date — use YYYY-MM-DD');
  });

  it("lists only districts with a valid file name", () => {
    const contentDir = copyFixture("broken");
    expect(knownDistricts(contentDir)).toEqual(["sopot", "sredets"]);
  });
});

describe("npm run new (the CLI, without a terminal)", () => {
  const run = (contentDir: string, ...args: string[]) =>
    spawnSync("npx", ["tsx", "src/cli/new.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, EDITOR_LANG: "en" },
      encoding: "utf8",
      input: "",
      timeout: 60_000,
    });

  it("creates the file from flags, and refuses a second time", () => {
    const contentDir = copyFixture("content");
    const args = ["--lang", "pl", "--district", "gdansk", "--title", "Nowy przystanek", "--date", "2026-12-05"];
    const r = run(contentDir, ...args);
    expect(r.stderr).not.toContain("missing");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("pl/gdansk/2026-12-05-nowy-przystanek.md");
    expect(fs.readFileSync(path.join(contentDir, "pl/gdansk/2026-12-05-nowy-przystanek.md"), "utf8")).toContain('title: "Nowy przystanek"');
    const again = run(contentDir, ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("pl/gdansk/2026-12-05-nowy-przystanek.md already exists");
  }, 60_000);

  it("tells where to preview the draft, and accepts language and district in capitals", () => {
    const contentDir = copyFixture("content");
    const r = run(contentDir, "--lang", "BG", "--district", "Sredets", "--title", "Нова спирка", "--date", "2026-12-06");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('preview it with "npm run dev" at http://localhost:3000/bg/novini/nova-spirka/,');
    expect(fs.existsSync(path.join(contentDir, "bg/sredets/2026-12-06-nova-spirka.md"))).toBe(true);
  }, 60_000);

  it("exits 2 naming the missing flags when it cannot ask", () => {
    const r = run(copyFixture("content"), "--lang", "bg");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("missing --district, --title (no terminal to ask)");
  }, 60_000);
});

// On a terminal it asks. `script` (util-linux) gives the command a pseudo-terminal and
// types the answers, all at once, as a paste would: none may be lost.
const SCRIPT = process.platform === "linux" && spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!SCRIPT)("npm run new (the CLI, on a terminal)", () => {
  const type = (contentDir: string, answers: string) =>
    spawnSync("script", ["-qec", "npx tsx src/cli/new.ts", "/dev/null"], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, EDITOR_LANG: "en" },
      encoding: "utf8",
      input: answers,
      timeout: 60_000,
    });

  it("asks for language, district and title, explains a wrong answer and asks again", () => {
    const contentDir = copyFixture("content");
    const r = type(contentDir, "PL\nvitosha\nSopot\nNowa ławka\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Language (bg/pl): ");
    expect(r.stdout).toContain('unknown district "vitosha" — write one of: gdansk, gdynia, lozenets, oborishte, rumia, sopot, sredets');
    expect(r.stdout).toContain("Created ");
    const created = fs.readdirSync(path.join(contentDir, "pl/sopot")).filter((n) => n.endsWith("-nowa-lawka.md"));
    expect(created).toHaveLength(1);
    expect(fs.readFileSync(path.join(contentDir, "pl/sopot", created[0]!), "utf8")).toMatch(
      /^---\ntitle: "Nowa ławka"\nslug: nowa-lawka\ndate: "\d{4}-\d{2}-\d{2}"\n/,
    );
  }, 60_000);

  it("writes nothing when the editor presses Ctrl+D at a question", async () => {
    const contentDir = copyFixture("content");
    const before = fs.readdirSync(path.join(contentDir, "bg/sredets"));
    // Typed like a person: each answer after its question has appeared.
    const child = spawn("script", ["-qec", "npx tsx src/cli/new.ts", "/dev/null"], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, EDITOR_LANG: "en" },
    });
    let out = "";
    const steps: [string, string][] = [
      ["Language (bg/pl): ", "bg\r"],
      ["District (", "\u0004"],
    ];
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      while (steps[0] && out.includes(steps[0][0])) child.stdin.write(steps.shift()![1]);
    });
    const timer = setTimeout(() => child.kill(), 50_000);
    const status = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearTimeout(timer);
    expect(out).toContain("cancelled — nothing was written");
    expect(status).toBe(1);
    expect(fs.readdirSync(path.join(contentDir, "bg/sredets"))).toEqual(before);
  }, 60_000);
});

describe("npm run new in the editor's language (EDITOR_LANG, else the locale)", () => {
  const run = (contentDir: string, env: Record<string, string>, ...args: string[]) =>
    spawnSync("npx", ["tsx", "src/cli/new.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, EDITOR_LANG: "", LC_ALL: "", LC_MESSAGES: "", ...env },
      encoding: "utf8",
      input: "",
      timeout: 60_000,
    });

  it("says what it made, and what it refuses, in Bulgarian or Polish", () => {
    const contentDir = copyFixture("content");
    const args = ["--lang", "pl", "--district", "gdansk", "--title", "Nowy przystanek", "--date", "2026-12-05"];
    const made = run(contentDir, { EDITOR_LANG: "bg" }, ...args);
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^Създаден е \S*pl\/gdansk\/2026-12-05-nowy-przystanek\.md\nТова е чернова: напишете текста/);
    const again = run(contentDir, { LANG: "pl_PL.UTF-8" }, ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe("pl/gdansk/2026-12-05-nowy-przystanek.md już istnieje — otwórz go albo wybierz inny tytuł\n");
    const missing = run(contentDir, { EDITOR_LANG: "bg" }, "--lang", "bg");
    expect(missing.status).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe("задайте --district, --title (няма терминал, в който да попитам)");
  }, 90_000);
});
