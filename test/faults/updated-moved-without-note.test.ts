// Issue 26: readers see "Updated …" whenever `updated:` moves, so moving it without a
// `changes:` note tells them something changed and not what. `npm run check` compares
// each article's update date with the last git commit (the reader of address-history.ts)
// and warns at the `updated:` line when it moved later with no new note.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { committedFixture, copyFixture } from "../helpers/app.js";

const timeZones = { bg: "Europe/Sofia", pl: "Europe/Warsaw" } as const;
const TRANSPORT = "bg/sredets/2026-08-24-vremenni-promeni-v-gradskiya-transport.md";

const edit = (dir: string, rel: string, from: RegExp, to: string) => {
  const file = path.join(dir, rel);
  const text = fs.readFileSync(file, "utf8");
  expect(text).toMatch(from);
  fs.writeFileSync(file, text.replace(from, to));
};

const updatedWarnings = (contentDir: string) =>
  checkContent({ contentDir, timeZones })
    .issues.filter((i) => i.field === "updated")
    .map(formatIssue);

describe("an article's updated date moved since the last commit", () => {
  it("without a new change note is a warning at the updated: line, saying what to add", () => {
    const contentDir = committedFixture();
    expect(updatedWarnings(contentDir)).toEqual([]);
    edit(contentDir, TRANSPORT, /^updated: "2026-08-28"$/m, 'updated: "2026-09-10"');
    expect(updatedWarnings(contentDir)).toEqual([
      `${TRANSPORT}:4: updated: warning: was 2026-08-28 in the last commit and is now 2026-09-10, with no new change note — add a \`changes:\` entry with date and note saying what changed`,
    ]);
  });

  it("set for the first time on a published article is a warning too", () => {
    const contentDir = committedFixture();
    edit(contentDir, TRANSPORT, /^updated: "2026-08-28"\n/m, "");
    execFileSync("git", ["-C", contentDir, "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-qam", "no updated"], {
      stdio: "ignore",
    });
    edit(contentDir, TRANSPORT, /^date: "2026-08-24"$/m, 'date: "2026-08-24"\nupdated: "2026-09-01"');
    expect(updatedWarnings(contentDir)).toEqual([
      `${TRANSPORT}:4: updated: warning: was not set in the last commit and is now 2026-09-01, with no new change note — add a \`changes:\` entry with date and note saying what changed`,
    ]);
  });

  it("with a new change note, moved earlier, or outside git, is not a warning", () => {
    const contentDir = committedFixture();
    edit(contentDir, TRANSPORT, /^updated: "2026-08-28"$/m, 'updated: "2026-09-10"\nchanges:\n  - date: "2026-09-10"\n    note: Удължен е срокът на ремонта');
    expect(updatedWarnings(contentDir)).toEqual([]);

    const earlier = committedFixture();
    edit(earlier, TRANSPORT, /^updated: "2026-08-28"$/m, 'updated: "2026-08-26"');
    expect(updatedWarnings(earlier)).toEqual([]);

    const noGit = copyFixture("content");
    edit(noGit, TRANSPORT, /^updated: "2026-08-28"$/m, 'updated: "2026-09-10"');
    expect(updatedWarnings(noGit)).toEqual([]);
  });

  it("past every note of an article that keeps a history gives the one warning check.ts already gives, not two", () => {
    const contentDir = committedFixture();
    edit(
      contentDir,
      TRANSPORT,
      /^updated: "2026-08-28"$/m,
      'updated: "2026-08-28"\nchanges:\n  - date: "2026-08-28"\n    note: Добавени са заместващите автобуси',
    );
    execFileSync("git", ["-C", contentDir, "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-qam", "a note"], { stdio: "ignore" });
    edit(contentDir, TRANSPORT, /^updated: "2026-08-28"$/m, 'updated: "2026-09-10"');
    const warned = updatedWarnings(contentDir);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain("is later than the newest note under changes:");
  });
});
