import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue, type ContentIssue } from "../../src/content/issues.js";
import { githubCommand, render } from "../../src/cli/format.js";
import { checkMedia } from "../../src/content/picture-check.js";
import { FIXTURES, copyFixture, tempDir } from "../helpers/app.js";

const ROOT = path.resolve(FIXTURES, "../..");
const BROKEN = path.join(FIXTURES, "broken");
const timeZones = { bg: "Europe/Sofia", pl: "Europe/Warsaw" } as const;

/** A whole 1×1 PNG padded after its end to `bytes`: sized like a photo, read like one. */
function fakePng(bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000970485973000003e8000003e801b57b526b0000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082", "hex").copy(b);
  return b;
}

describe("checkContent on a tree with every kind of problem", () => {
  const result = checkContent({ contentDir: BROKEN, timeZones });

  it("reports every problem, one line each, sorted by file and line", () => {
    expect(result.issues.map(formatIssue)).toEqual([
      'bg/nyama-rayon/2026-01-13-bez-rayon.md:1: district: there is no district "nyama-rayon" — create districts/nyama-rayon.yml or move the article to an existing district folder',
      'bg/sredets/2026-01-10-yaml.md:2: front matter: YAML cannot be read: Missing closing "quote — check indentation, colons and quotes',
      'bg/sredets/2026-01-11-data.md:3: date: "2026-02-30" is not a real date — use YYYY-MM-DD',
      'bg/sredets/2026-01-12-pole.md:4: summray: unknown field — did you mean "summary"?',
      'bg/sredets/2026-01-16-vtora.md:4: slug: warning: "dvoyna-novina" is already used by bg/sredets/2026-01-15-parva.md — published at /bg/novini/dvoyna-novina-2026-01-16/; to keep that address for good, change the line to slug: dvoyna-novina-2026-01-16',
      'bg/sredets/2026-01-17-treta.md:4: aliases: "/bg/stara-novina/" is already used by bg/sredets/2026-01-15-parva.md — remove it from one of the two articles',
      'bg/sredets/2026-01-17-treta.md:6: translationKey: "obshta-vrazka" is already used by bg/sredets/2026-01-15-parva.md in the same language — a translation key links articles of different languages',
      'bg/sredets/2026-01-18-snimka.md:5: image.src: "nyama.jpg" is not a JPEG, PNG, GIF or WebP file beside the article — check the file name',
      'bg/sredets/2026-01-18-snimka.md:11: body: image "drugo.png" is not a JPEG, PNG, GIF or WebP file beside the article — check the file name',
      'bg/sredets/2026-01-19-vrazki.md:10: body: link "/bg/novini/nyama-takava/" leads to no article — check the address or remove the link',
      'bg/sredets/2026-01-19-vrazki.md:12: body: link "/bg/rayoni/nyama/" leads to no district — the districts are sopot, sredets',
      'bg/sredets/2026-01-19-vrazki.md:12: body: link "/bg/etiketi/nyama/" leads to no topic — no article in bg has this tag',
      'bg/sredets/2026-01-19-vrazki.md:14: body: link "/pl/aktualnosci/brak-artykulu/" leads to no article — check the address or remove the link',
      'bg/sredets/2026-01-19-vrazki.md:14: body: link "/bg/novini/novina-v-rayon-bez-fayl/" leads to no article — check the address or remove the link',
      "bg/sredets/2026-01-20-dalgo.md:2: title: warning: has 76 characters, too long for search results — shorten to 70 or fewer",
      "bg/sredets/2026-01-20-dalgo.md:4: updated: is earlier than date — updated is the day of the last change, on or after date",
      "bg/sredets/2026-01-20-dalgo.md:5: summary: warning: has 172 characters, too long for search results — shorten to 160 or fewer",
      'bg/sredets/2026-03-01-snimki/index.md:8: body: warning: image "molo.jpg" has no description — describe the picture between the brackets: ![what it shows](molo.jpg)',
      'districts/Bad_Name.yml:1: file: district file name "Bad_Name" may contain only a-z, 0-9 and "-" — rename the file',
      'en/sredets/2026-01-14-english.md:1: file: "en" is not a language folder — articles go in bg/ or pl/',
    ]);
    expect(result.files).toBe(14);
  });

  it("accepts links to pages that exist: articles, aliases, districts, topics, other languages, relative links", () => {
    const links = result.issues.filter((i) => i.file === "bg/sredets/2026-01-19-vrazki.md").map((i) => i.message);
    for (const fine of ["/bg/", "/bg/novini/", "/bg/novini/dvoyna-novina/", "/bg/stara-novina/", "/bg/rayoni/sredets/", "/bg/etiketi/remont/", "../dvoyna-novina/", "/pl/dzielnice/sopot/"]) {
      expect(links.join("\n")).not.toContain(`"${fine}"`);
    }
    expect(result.issues.some((i) => i.file === "pl/sopot/2026-01-21-poprawny.md")).toBe(false);
  });

  it("warns about pictures over 2 MB at the line that shows them, and refuses the picture file over 20 MB", () => {
    const dir = copyFixture("broken");
    const bundle = path.join(dir, "bg/sredets/2026-03-01-snimki");
    fs.writeFileSync(path.join(bundle, "golyama.png"), fakePng(6 * 1024 * 1024));
    fs.writeFileSync(path.join(bundle, "ogromna.png"), fakePng(21 * 1024 * 1024));
    fs.appendFileSync(path.join(bundle, "index.md"), "\n![Голяма снимка](golyama.png)\n\n![Огромна снимка](ogromna.png)\n");
    const lines = checkContent({ contentDir: dir, timeZones }, [checkMedia]).issues.filter((i) => i.file.includes("snimki")).map(formatIssue);
    expect(lines).toEqual([
      'bg/sredets/2026-03-01-snimki/index.md:8: body: warning: image "molo.jpg" has no description — describe the picture between the brackets: ![what it shows](molo.jpg)',
      'bg/sredets/2026-03-01-snimki/index.md:10: body: warning: image "golyama.png" is 6.0 MB, more than 2 MB — export it at about 2500 px wide as JPEG quality 85 (the site still sends phones smaller copies)',
      "bg/sredets/2026-03-01-snimki/ogromna.png:1: file: picture is 21.0 MB, more than 20 MB — export it at about 2500 px wide as JPEG quality 85",
    ]);
  });
});

/** An issue with any wording, for the output formats' escaping. */
const raw = (file: string, line: number, field: string, message: string, severity: ContentIssue["severity"] = "error"): ContentIssue => ({ file, line, field, id: "field.invalid", message, severity });

describe("output formats", () => {
  const sample = [raw("bg/a.md", 3, "date", "100% wrong\nsecond line"), raw("bg/b.md", 1, "title", "long", "warning")];

  it("json gives the issues, where the content folder is, and a summary for CI tools", () => {
    const out = JSON.parse(render("json", sample, 4, "/repo/content", "/repo")) as { contentDir: string; issues: unknown[]; summary: unknown };
    expect(out.contentDir).toBe("content");
    expect(out.issues).toEqual(sample);
    expect(out.summary).toEqual({ files: 4, errors: 1, warnings: 1 });
  });

  it("github gives workflow commands with repository paths and escaped %, CR, LF, ':' and ','", () => {
    expect(githubCommand(sample[0]!, "/repo/content", "/repo")).toBe("::error file=content/bg/a.md,line=3,title=date::100%25 wrong%0Asecond line");
    expect(githubCommand(raw("bg/x,y.md", 2, "front matter", "a: b\r"), "/repo/site/content", "/repo")).toBe("::error file=site/content/bg/x%2Cy.md,line=2,title=front matter::a: b%0D");
    expect(githubCommand(sample[1]!, "/repo/content", "/repo")).toMatch(/^::warning file=content\/bg\/b\.md,line=1,title=title::long$/);
  });

  it("gitlab gives a code-quality report: repository paths, lines, severities and stable fingerprints", () => {
    const report = JSON.parse(render("gitlab", sample, 4, "/repo/content", "/repo")) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    expect(report.map((r) => [r.location.path, r.location.lines.begin, r.check_name, r.severity])).toEqual([
      ["content/bg/a.md", 3, "date", "major"],
      ["content/bg/b.md", 1, "title", "minor"],
    ]);
    expect(report[0]!.description).toBe(sample[0]!.message);
    expect(report[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(report[0]!.fingerprint).not.toBe(report[1]!.fingerprint);
    expect(JSON.parse(render("gitlab", sample, 4, "/repo/content", "/repo"))).toEqual(report);
    expect(render("gitlab", [], 4, "/repo", "/repo")).toBe("[]\n");
  });

  it("text gives one line per problem, with the path from where the command runs, and a summary line", () => {
    expect(render("text", sample, 4, "/repo/content", "/repo")).toBe(
      "content/bg/a.md:3: date: 100% wrong\nsecond line\ncontent/bg/b.md:1: title: warning: long\n4 files checked: 1 error, 1 warning\n",
    );
    expect(render("text", sample, 4, "/elsewhere/content", "/repo").split("\n")[2]).toBe("/elsewhere/content/bg/b.md:1: title: warning: long");
    expect(render("text", [], 1, "/c", "/")).toBe("1 file checked: no problems\n");
  });
});

describe("npm run check (the CLI)", () => {
  const run = (contentDir: string, ...args: string[]) =>
    spawnSync("npx", ["tsx", "src/cli/check.ts", ...args], { cwd: ROOT, env: { ...process.env, BASE_URL: "http://localhost:3000", CONTENT_DIR: contentDir, EDITOR_LANG: "en" }, encoding: "utf8", timeout: 60_000 });

  it("exits 1 on errors and prints GitHub annotations with paths from the repository root", () => {
    const r = run("test/fixtures/broken", "--format", "github");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error file=test/fixtures/broken/bg/sredets/2026-01-11-data.md,line=3,title=date::\"2026-02-30\" is not a real date — use YYYY-MM-DD\n");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("14 files checked: 16 errors, 4 warnings");
  }, 60_000);

  it("prints text lines a terminal can link to the file, and JSON for tools", () => {
    const text = run("test/fixtures/broken");
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('\ntest/fixtures/broken/bg/sredets/2026-01-20-dalgo.md:4: updated: is earlier than date — updated is the day of the last change, on or after date\n');
    expect(text.stdout).toContain("\ntest/fixtures/broken/bg/sredets/2026-01-20-dalgo.md:5: summary: warning: has 172 characters, too long for search results — shorten to 160 or fewer\n");
    const json = run("test/fixtures/broken", "--format", "json");
    expect(json.status).toBe(1);
    const out = JSON.parse(json.stdout) as { contentDir: string; issues: { file: string; line: number; field: string; message: string; severity: string }[]; summary: unknown };
    expect(out.contentDir).toBe("test/fixtures/broken");
    expect(out.summary).toEqual({ files: 14, errors: 16, warnings: 4 });
    expect(out.issues).toContainEqual({
      file: "bg/sredets/2026-01-19-vrazki.md",
      line: 12,
      field: "body",
      id: "link.noDistrict",
      params: { href: "/bg/rayoni/nyama/", districts: "sopot, sredets" },
      message: 'link "/bg/rayoni/nyama/" leads to no district — the districts are sopot, sredets',
      severity: "error",
    });
  }, 60_000);

  it("exits 0 when there are only warnings, and 2 for an unknown format", () => {
    const dir = tempDir("check");
    fs.mkdirSync(path.join(dir, "districts"));
    fs.mkdirSync(path.join(dir, "bg/sredets"), { recursive: true });
    fs.copyFileSync(path.join(BROKEN, "districts/sredets.yml"), path.join(dir, "districts/sredets.yml"));
    fs.writeFileSync(path.join(dir, "bg/sredets/a.md"), `---\ntitle: "${"Дълго заглавие ".repeat(6)}"\ndate: "2026-01-01"\n---\n\nТекст.\n`);
    const ok = run(dir);
    expect(ok.stdout).toBe(`${dir}/bg/sredets/a.md:2: title: warning: has 89 characters, too long for search results — shorten to 70 or fewer\n2 files checked: 0 errors, 1 warning\n`);
    expect(ok.status).toBe(0);
    const bad = run(dir, "--format", "xml");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown format "xml" — use one of text, json, github');
  }, 60_000);
});
