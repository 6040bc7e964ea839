// Alerts in the index (issue 23): loaded through the same scan, parse and sync path as
// articles, checked across files, followed by the watcher, and versioned for CAP.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/check.js";
import { formatIssue } from "../../src/content/issues.js";
import { watchContent } from "../../src/content/watch.js";
import { NOW, copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { iso, writeAlert } from "../helpers/alerts.js";

const HOUR = 3_600_000;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T) => (open.push(x), x);
afterEach(() => {
  for (const x of open.splice(0)) x.close();
});

async function portalWith(alerts: Record<string, Parameters<typeof writeAlert>[3]>): Promise<TestPortal> {
  const contentDir = copyFixture("content");
  for (const [name, f] of Object.entries(alerts)) writeAlert(contentDir, name.slice(0, 2), name.slice(3), f);
  return track(await createTestPortal({ contentDir }));
}

describe("alerts in the index", () => {
  it("loads valid alerts, reports broken ones with file, line and field, and keeps articles served", async () => {
    const portal = await portalWith({
      "bg/voda": { start: iso(NOW - HOUR), end: iso(NOW + HOUR), area: "ул. „Криволак“" },
      "bg/nyama": { districts: "[mladost]", start: iso(NOW - HOUR), end: iso(NOW + HOUR), title: "Друго" },
      "pl/zle": "---\ntitle: Brak wody\nkind: flood\n---\n",
    });
    expect(portal.index.alerts.current("bg", NOW).map((a) => a.file)).toEqual(["alerts/bg/voda.md"]);
    expect(portal.index.issues().map(formatIssue)).toEqual([
      'alerts/bg/nyama.md:5: districts: there is no district "mladost" — write one of: gdansk, gdynia, lozenets, oborishte, rumia, sopot, sredets, or all',
      "alerts/pl/zle.md:1: districts: is required — list the district ids, such as [lozenets], or write all",
      "alerts/pl/zle.md:1: end: is required — add a date and time such as 2026-12-08T08:00",
      "alerts/pl/zle.md:1: severity: is required — write one of: info, warning, emergency",
      "alerts/pl/zle.md:1: start: is required — add a date and time such as 2026-12-08T08:00",
      'alerts/pl/zle.md:3: kind: "flood" is not a kind of alert — write one of: water, heating, electricity, gas, roads, transport, weather, other',
    ]);
    expect(portal.index.status().articles).toBeGreaterThan(0);
  });

  it("a misplaced alert file is an editor error, not a stop", async () => {
    const contentDir = copyFixture("content");
    fs.mkdirSync(path.join(contentDir, "alerts/de"), { recursive: true });
    fs.writeFileSync(path.join(contentDir, "alerts/de/x.md"), "---\ntitle: x\n---\n");
    const portal = track(await createTestPortal({ contentDir }));
    expect(portal.index.issues().map(formatIssue)).toEqual(["alerts/de/x.md:1: file: alerts go in alerts/bg/<name>.md or alerts/pl/<name>.md — move the file"]);
  });

  it("an edit is a CAP Update of the version before; a broken edit keeps the last good one; a removal is a Cancel", async () => {
    const portal = await portalWith({ "bg/voda": { start: iso(NOW - HOUR), end: iso(NOW + HOUR) } });
    const first = portal.index.alerts.bySlug("bg", "spirane-na-vodata-v-kv-lozenets")!;
    expect(first.msgType).toBe("Alert");
    const rel = writeAlert(portal.contentDir, "bg", "voda", { start: iso(NOW - HOUR), end: iso(NOW + 2 * HOUR) });
    await portal.index.sync(undefined, { paths: [rel] });
    const second = portal.index.alerts.bySlug("bg", "spirane-na-vodata-v-kv-lozenets")!;
    expect(second).toMatchObject({ msgType: "Update", references: { identifier: first.identifier, sent: first.sent }, end: NOW + 2 * HOUR });
    expect(second.identifier).not.toBe(first.identifier);

    writeAlert(portal.contentDir, "bg", "voda", "---\ntitle: [\n---\n");
    await portal.index.sync(undefined, { paths: [rel] });
    expect(portal.index.alerts.bySlug("bg", "spirane-na-vodata-v-kv-lozenets")!.identifier).toBe(second.identifier);
    expect(portal.index.issues().map((i) => i.file)).toEqual([rel]);

    fs.rmSync(path.join(portal.contentDir, rel));
    await portal.index.sync(undefined, { paths: [rel] });
    expect(portal.index.alerts.bySlug("bg", "spirane-na-vodata-v-kv-lozenets")).toBeNull();
    expect(portal.index.alerts.cancelled("bg")).toMatchObject([{ msgType: "Cancel", references: { identifier: second.identifier } }]);
  });

  it("an edit that ends the alert now is a CAP Cancel; one that shortens it for later stays an Update", async () => {
    const portal = await portalWith({ "bg/voda": { start: iso(NOW - HOUR), end: iso(NOW + 5 * HOUR) } });
    const slug = "spirane-na-vodata-v-kv-lozenets";
    // A later end, but still earlier than before: an Update (the file's time is today's clock).
    let rel = writeAlert(portal.contentDir, "bg", "voda", { start: iso(NOW - HOUR), end: iso(Date.now() + 3 * HOUR) });
    await portal.index.sync(undefined, { paths: [rel] });
    expect(portal.index.alerts.bySlug("bg", slug)!.msgType).toBe("Update");
    rel = writeAlert(portal.contentDir, "bg", "voda", { start: iso(NOW - HOUR), end: iso(Date.now() - 1000) });
    await portal.index.sync(undefined, { paths: [rel] });
    expect(portal.index.alerts.bySlug("bg", slug)!.msgType).toBe("Cancel");
  });

  it("the watcher picks a new alert up without a restart", async () => {
    const portal = await portalWith({});
    const watcher = track(watchContent(portal.contentDir, (paths) => void portal.index.sync(undefined, paths ? { paths } : {}), 30));
    writeAlert(portal.contentDir, "bg", "voda", { start: iso(NOW - HOUR), end: iso(NOW + HOUR) });
    for (let i = 0; i < 100 && portal.index.alerts.current("bg", NOW).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(portal.index.alerts.current("bg", NOW)).toHaveLength(1);
    watcher.close();
  });
});

describe("npm run check", () => {
  it("validates alerts with the same messages", () => {
    const contentDir = copyFixture("content");
    writeAlert(contentDir, "bg", "a", { start: "2026-12-08", end: "2026-12-08T18:00" });
    writeAlert(contentDir, "pl", "b", { title: "Brak wody", districts: "[nigdzie]", start: "2026-12-08T08:00", end: "2026-12-08T18:00" });
    const r = checkContent({ contentDir, timeZones: { bg: "Europe/Sofia", pl: "Europe/Warsaw" } });
    expect(r.issues.filter((i) => i.file.startsWith("alerts/")).map(formatIssue)).toEqual([
      'alerts/bg/a.md:6: start: "2026-12-08" has no time of day — an alert needs one, such as 2026-12-08T08:00',
      'alerts/pl/b.md:5: districts: there is no district "nigdzie" — write one of: gdansk, gdynia, lozenets, oborishte, rumia, sopot, sredets, or all',
    ]);
  });
});
