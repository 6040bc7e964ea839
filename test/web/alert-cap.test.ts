// Alerts for machines (issue 23): CAP 1.2 messages checked element by element and in the
// order the CAP 1.2 XML schema requires, the Atom feeds of current alerts, the JSON list.
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { NOW, copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { iso, writeAlert } from "../helpers/alerts.js";

const HOUR = 3_600_000;
const BASE = "https://news.example.org";
const open: TestPortal[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

// CAP 1.2 (OASIS, 2010) XML schema: the sequences of <alert>, <info> and <area>, with
// which elements are required (min 1). Only elements the portal may write are listed.
const ALERT_ORDER = [
  "identifier",
  "sender",
  "sent",
  "status",
  "msgType",
  "source",
  "scope",
  "restriction",
  "addresses",
  "code",
  "note",
  "references",
  "incidents",
  "info",
];
const ALERT_REQUIRED = ["identifier", "sender", "sent", "status", "msgType", "scope"];
const INFO_ORDER = [
  "language",
  "category",
  "event",
  "responseType",
  "urgency",
  "severity",
  "certainty",
  "audience",
  "eventCode",
  "effective",
  "onset",
  "expires",
  "senderName",
  "headline",
  "description",
  "instruction",
  "web",
  "contact",
  "parameter",
  "resource",
  "area",
];
const INFO_REQUIRED = ["category", "event", "urgency", "severity", "certainty"];
// §3.3.2: date-times with an explicit offset, no "Z", no fractions.
const CAP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

type Node = Record<string, unknown>;
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, htmlEntities: true });
const plain = new XMLParser({ ignoreAttributes: false, parseTagValue: false, htmlEntities: true });

/** Child element names of the first element `name` in a preserveOrder tree. */
function childrenOf(tree: Node[], name: string): string[] {
  for (const node of tree) {
    if (name in node) return (node[name] as Node[]).map((c) => Object.keys(c).find((k) => k !== ":@")!).filter((k) => k !== "#text");
    for (const v of Object.values(node))
      if (Array.isArray(v)) {
        const found = childrenOf(v as Node[], name);
        if (found.length) return found;
      }
  }
  return [];
}

function assertSequence(children: string[], order: string[], required: string[]): void {
  const positions = children.map((c) => order.indexOf(c));
  expect(
    positions.every((p) => p >= 0),
    `unknown element in ${children.join(",")}`,
  ).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const r of required) expect(children).toContain(r);
}

async function portal(): Promise<TestPortal> {
  const contentDir = copyFixture("content");
  writeAlert(contentDir, "bg", "voda", {
    districts: "[lozenets, sredets]",
    start: iso(NOW - HOUR),
    end: iso(NOW + HOUR),
    area: "ул. „Криволак“ & ул. <Сребърна>",
    translationKey: "voda",
  });
  writeAlert(contentDir, "pl", "woda", {
    title: "Brak wody",
    districts: "[lozenets]",
    severity: "emergency",
    kind: "gas",
    start: iso(NOW - HOUR),
    end: iso(NOW + HOUR),
    translationKey: "voda",
  });
  const p = await createTestPortal({ contentDir });
  open.push(p);
  return p;
}

async function capOf(p: TestPortal, url: string): Promise<{ text: string; alert: Node }> {
  const res = await request(p.app).get(url).expect(200);
  expect(res.headers["content-type"]).toBe("application/cap+xml; charset=utf-8");
  const tree = ordered.parse(res.text) as Node[];
  assertSequence(childrenOf(tree, "alert"), ALERT_ORDER, ALERT_REQUIRED);
  assertSequence(childrenOf(tree, "info"), INFO_ORDER, INFO_REQUIRED);
  expect(childrenOf(tree, "area")).toEqual(["areaDesc"]);
  return { text: res.text, alert: (plain.parse(res.text) as { alert: Node }).alert };
}

describe("CAP 1.2", () => {
  it("one message per alert and language, every element as the schema wants it", async () => {
    const p = await portal();
    const page = (await request(p.app).get("/bg/preduprezhdeniya/spirane-na-vodata-v-kv-lozenets/").expect(200)).text;
    const capPath = /<link rel="alternate" type="application\/cap\+xml" title="[^"]*" href="([^"]+)">/.exec(page)![1]!;
    expect(capPath).toMatch(/^\/bg\/preduprezhdeniya\/cap\/alert\.[0-9a-f]{12}\.[0-9a-f]{16}\.xml$/);
    const { alert } = await capOf(p, capPath);
    const info = alert.info as Node;
    expect(alert).toMatchObject({
      "@_xmlns": "urn:oasis:names:tc:emergency:cap:1.2",
      identifier: capPath.slice(capPath.lastIndexOf("/") + 1, -4),
      sender: "news.example.org",
      status: "Actual",
      msgType: "Alert",
      scope: "Public",
    });
    expect(alert.sent).toMatch(CAP_TIME);
    expect(info).toEqual({
      language: "bg-BG",
      category: "Infra",
      event: "Вода",
      urgency: "Expected",
      severity: "Moderate",
      certainty: "Likely",
      effective: alert.sent,
      onset: "2026-11-23T13:00:00+02:00",
      expires: "2026-11-23T15:00:00+02:00",
      senderName: "Районни администрации — портал за новини",
      headline: "Спиране на водата в кв. „Лозенец“",
      description: "Ремонт на водопровода. Телефон за връзка: 0700 121 21.",
      web: `${BASE}/bg/preduprezhdeniya/spirane-na-vodata-v-kv-lozenets/`,
      area: { areaDesc: "Лозенец, Средец; ул. „Криволак“ & ул. <Сребърна>" },
    });
    // The identifier has none of the characters CAP forbids in it (§3.2.1).
    expect(alert.identifier).not.toMatch(/[\s,<&]/);
  });

  it("maps an emergency in Polish, and the identifier is the same on another replica", async () => {
    const p = await portal();
    const other = await portal();
    const ids = [p, other].map((x) => x.index.alerts.bySlug("pl", "brak-wody")!.identifier);
    expect(ids[0]).toBe(ids[1]);
    const { alert } = await capOf(p, `/pl/komunikaty/cap/${ids[0]}.xml`);
    expect(alert.info).toMatchObject({
      language: "pl-PL",
      category: "Infra",
      event: "Gaz",
      urgency: "Immediate",
      severity: "Severe",
      certainty: "Observed",
      area: { areaDesc: "Łozenec" },
    });
  });

  it("an edit is an Update that references the version before; a removed alert is a Cancel", async () => {
    const p = await portal();
    const first = p.index.alerts.bySlug("bg", "spirane-na-vodata-v-kv-lozenets")!;
    const rel = writeAlert(p.contentDir, "bg", "voda", { districts: "[lozenets]", start: iso(NOW - HOUR), end: iso(NOW + 2 * HOUR) });
    await p.index.sync(undefined, { paths: [rel] });
    const second = p.index.alerts.bySlug("bg", "spirane-na-vodata-v-kv-lozenets")!;
    const update = (await capOf(p, `/bg/preduprezhdeniya/cap/${second.identifier}.xml`)).alert;
    expect(update.msgType).toBe("Update");
    const [sender, identifier, sent] = String(update.references).split(",");
    expect({ sender, identifier }).toEqual({ sender: "news.example.org", identifier: first.identifier });
    expect(sent).toMatch(CAP_TIME);
    // The earlier version's message stays where it was only while it is the current one.
    fs.rmSync(path.join(p.contentDir, rel));
    await p.index.sync(undefined, { paths: [rel] });
    const cancel = (await capOf(p, `/bg/preduprezhdeniya/cap/${second.identifier}.cancel.xml`)).alert;
    expect(cancel).toMatchObject({ msgType: "Cancel", identifier: `${second.identifier}.cancel` });
    expect(String(cancel.references).split(",")[1]).toBe(second.identifier);
    await request(p.app).get("/bg/preduprezhdeniya/cap/alert.000000000000.0000000000000000.xml").expect(404);
    await request(p.app).get("/bg/preduprezhdeniya/cap/..%2f..%2fx.xml").expect(404);
  });
});

describe("Atom and JSON", () => {
  it("an Atom feed of current alerts per language and per district, each entry linking to its CAP message", async () => {
    const p = await portal();
    for (const [url, count] of [
      ["/bg/preduprezhdeniya/atom.xml", 1],
      ["/bg/preduprezhdeniya/rayoni/sredets/atom.xml", 1],
      ["/bg/preduprezhdeniya/rayoni/oborishte/atom.xml", 0],
    ] as const) {
      const res = await request(p.app).get(url).expect(200);
      expect(res.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
      const feed = (plain.parse(res.text) as { feed: Node }).feed;
      const entries = ([] as Node[]).concat((feed.entry as Node[] | undefined) ?? []);
      expect(entries, url).toHaveLength(count);
      for (const e of entries) {
        const links = e.link as Node[];
        expect(links.map((l) => l["@_type"])).toEqual(["text/html", "application/cap+xml"]);
        const cap = String(links[1]!["@_href"]);
        expect(cap.startsWith(BASE)).toBe(true);
        await capOf(p, cap.slice(BASE.length));
      }
    }
    await request(p.app).get("/bg/preduprezhdeniya/rayoni/nyama/atom.xml").expect(404);
    const district = (await request(p.app).get("/bg/rayoni/sredets/").expect(200)).text;
    expect(district).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Предупреждения за Средец — Районни новини" href="${BASE}/bg/preduprezhdeniya/rayoni/sredets/atom.xml">`,
    );
  });

  it("a JSON list for apps", async () => {
    const p = await portal();
    const res = await request(p.app).get("/pl/komunikaty/alerts.json").expect(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const body = res.body as { language: string; alerts: Record<string, unknown>[] };
    expect(body.language).toBe("pl");
    expect(body.alerts).toMatchObject([
      {
        title: "Brak wody",
        kind: "gas",
        severity: "emergency",
        state: "current",
        districts: ["lozenets"],
        url: `${BASE}/pl/komunikaty/brak-wody/`,
        start: "2026-11-23T12:00:00+01:00",
        msgType: "Alert",
      },
    ]);
    expect(String(body.alerts[0]!.cap)).toMatch(/^https:\/\/news\.example\.org\/pl\/komunikaty\/cap\/alert\./);
  });
});
