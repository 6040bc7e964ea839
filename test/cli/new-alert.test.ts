// `npm run new -- --alert` (issue 23): a skeleton that starts at the next full hour in the
// language's time zone, and is not shown until the editor names the districts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { createAlert, nextFullHour } from "../../src/content/alert-new.js";
import { formatIssue } from "../../src/content/issues.js";
import { FIXTURES, copyFixture } from "../helpers/app.js";

const ROOT = path.resolve(FIXTURES, "../..");
const timeZones = { bg: "Europe/Sofia", pl: "Europe/Warsaw" } as const;

describe("a new alert", () => {
  it("starts at the next full hour of the language's clocks", () => {
    expect(nextFullHour(Date.UTC(2026, 11, 7, 5, 20), "Europe/Sofia")).toBe(Date.UTC(2026, 11, 7, 6));
    expect(nextFullHour(Date.UTC(2026, 11, 7, 6, 0), "Europe/Warsaw")).toBe(Date.UTC(2026, 11, 7, 7));
    // India is 5:30 ahead: its full hours fall on the half hour in UTC.
    expect(nextFullHour(Date.UTC(2026, 11, 7, 5, 20), "Asia/Kolkata")).toBe(Date.UTC(2026, 11, 7, 5, 30));
  });

  it("writes a skeleton that check accepts once districts are named, and refuses until then", () => {
    const contentDir = copyFixture("content");
    const a = createAlert({ contentDir, timeZones }, { lang: "bg", title: "Спиране на тока", districts: ["sredets"] }, Date.UTC(2026, 11, 7, 5, 20));
    expect(a.rel).toBe("alerts/bg/2026-12-07-spirane-na-toka.md");
    const text = fs.readFileSync(a.file, "utf8");
    expect(text).toContain("districts: [sredets]");
    expect(text).toContain("start: 2026-12-07T08:00:00+02:00\nend: 2026-12-07T10:00:00+02:00\n");
    expect(checkContent({ contentDir, timeZones }).issues.filter((i) => i.file === a.rel)).toEqual([]);

    const b = createAlert({ contentDir, timeZones }, { lang: "pl", title: "Brak prądu" }, Date.UTC(2026, 11, 7, 5, 20));
    expect(
      checkContent({ contentDir, timeZones })
        .issues.filter((i) => i.file === b.rel)
        .map(formatIssue),
    ).toEqual(["alerts/pl/2026-12-07-brak-pradu.md:5: districts: is empty — name at least one district, or write all"]);
    expect(() => createAlert({ contentDir, timeZones }, { lang: "pl", title: "Brak prądu" }, Date.UTC(2026, 11, 7, 5, 20))).toThrow(/already/);
    expect(() => createAlert({ contentDir, timeZones }, { lang: "pl", title: "X", districts: ["nigdzie"] })).toThrow('unknown district "nigdzie"');
  });

  it("npm run new -- --alert writes it from the command line", { timeout: 60_000 }, () => {
    const contentDir = copyFixture("content");
    const run = spawnSync("npx", ["tsx", "src/cli/new.ts", "--alert", "--lang", "bg", "--title", "Ремонт на улица", "--district", "all"], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, EDITOR_LANG: "en" },
      encoding: "utf8",
      input: "",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Created .*alerts\/bg\/\d{4}-\d{2}-\d{2}-remont-na-ulitsa\.md, starting at the next full hour\./);
    const [file] = fs.readdirSync(path.join(contentDir, "alerts/bg")).filter((f) => f.includes("remont-na-ulitsa"));
    expect(fs.readFileSync(path.join(contentDir, "alerts/bg", file!), "utf8")).toContain("districts: all ");
  });
});
