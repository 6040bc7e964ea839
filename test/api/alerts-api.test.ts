// GET /api/v1/alerts (issue 26 with issue 23): current, upcoming and ended alerts per
// language and district, as the injected clock moves; every response validated against
// the OpenAPI document; ETag/304 following the clock; unknown parameters a 400 problem.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOW, copyFixture, createTestPortal, type TestPortal } from "../helpers/app.js";
import { iso, writeAlert } from "../helpers/alerts.js";
import { responseValidator } from "./openapi-validator.js";

const BASE = "https://news.example.org";
const HOUR = 3_600_000;
let portal: TestPortal;
let check: ReturnType<typeof responseValidator>;

beforeAll(async () => {
  const contentDir = copyFixture("content");
  writeAlert(contentDir, "bg", "voda", {
    title: "Спиране на водата в Лозенец",
    districts: "[lozenets]",
    severity: "warning",
    start: iso(NOW - HOUR),
    end: iso(NOW + 5 * HOUR),
    area: "ул. „Криволак“",
  });
  writeAlert(contentDir, "bg", "vyatar", {
    title: "Силен вятър",
    kind: "weather",
    districts: "all",
    severity: "info",
    start: iso(NOW + 20 * HOUR),
    end: iso(NOW + 22 * HOUR),
  });
  writeAlert(contentDir, "bg", "tok", {
    title: "Авария с тока в Средец",
    kind: "electricity",
    districts: "[sredets]",
    severity: "emergency",
    start: iso(NOW - HOUR),
    end: iso(NOW + 8 * HOUR),
  });
  portal = await createTestPortal({ contentDir });
  const doc = (await request(portal.app).get("/api/v1/openapi.json").expect(200)) as { body: Parameters<typeof responseValidator>[0] };
  check = responseValidator(doc.body);
});
afterAll(() => portal.close());

interface AlertJson {
  id: string;
  identifier: string;
  title: string;
  kind: string;
  severity: string;
  state: string;
  allDistricts: boolean;
  districts: { id: string; url: string }[];
  start: string;
  end: string;
  area: string | null;
  html: string;
  text: string;
  url: string;
  cap: string;
}

async function alerts(query: string, status = 200) {
  const res = await request(portal.app).get(`/api/v1/alerts${query}`);
  expect(res.status, res.text).toBe(status);
  const type = status < 300 ? "application/json" : "application/problem+json";
  expect(res.headers["content-type"]).toBe(`${type}; charset=utf-8`);
  expect(res.headers["access-control-allow-origin"]).toBe("*");
  const body = JSON.parse(res.text) as { items: AlertJson[]; next: string | null; errors?: { parameter: string }[] };
  check("/alerts", status, type, body);
  return { res, body, titles: status === 200 ? body.items.map((a) => a.title) : [] };
}

describe("GET /api/v1/alerts", () => {
  it("is in the OpenAPI document and on the API pages", async () => {
    const doc = (await request(portal.app).get("/api/v1/openapi.json").expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/alerts");
    for (const page of ["/bg/api/", "/pl/api/"]) expect((await request(portal.app).get(page).expect(200)).text).toContain("<code>GET /api/v1/alerts</code>");
  });

  it("lists current and upcoming alerts of a language by start, each with its id, times with offset, bodies, page and CAP URLs", async () => {
    portal.setNow(NOW);
    const { body, titles } = await alerts("?lang=bg");
    expect(titles).toEqual(["Авария с тока в Средец", "Спиране на водата в Лозенец", "Силен вятър"]);
    const voda = body.items.find((a) => a.title === "Спиране на водата в Лозенец")!;
    expect(voda).toMatchObject({
      id: "bg/spirane-na-vodata-v-lozenets",
      kind: "water",
      severity: "warning",
      state: "current",
      allDistricts: false,
      area: "ул. „Криволак“",
    });
    expect(voda.districts).toEqual([{ id: "lozenets", name: "Лозенец", url: `${BASE}/bg/rayoni/lozenets/` }]);
    expect(voda.start).toBe("2026-11-23T13:00:00+02:00");
    expect(Date.parse(voda.end) - Date.parse(voda.start)).toBe(6 * HOUR);
    expect(voda.url).toBe(`${BASE}/bg/preduprezhdeniya/spirane-na-vodata-v-lozenets/`);
    expect(voda.cap).toBe(`${BASE}/bg/preduprezhdeniya/cap/${voda.identifier}.xml`);
    await request(portal.app).get(voda.cap.replace(BASE, "")).expect(200);
    await request(portal.app).get(voda.url.replace(BASE, "")).expect(200);
    expect(voda.html).toContain("<p>");
    expect(voda.text).not.toContain("<");
    const vyatar = body.items.find((a) => a.title === "Силен вятър")!;
    expect(vyatar).toMatchObject({ state: "upcoming", allDistricts: true, districts: [] });
  });

  it("filters by state and by district (with the alerts for every district)", async () => {
    portal.setNow(NOW);
    expect((await alerts("?lang=bg&state=current")).titles.sort()).toEqual(["Авария с тока в Средец", "Спиране на водата в Лозенец"]);
    expect((await alerts("?lang=bg&state=upcoming")).titles).toEqual(["Силен вятър"]);
    expect((await alerts("?lang=bg&state=ended")).titles).toEqual(["Без парно в част от „Лозенец“"]);
    expect((await alerts("?lang=bg&district=lozenets")).titles).toEqual(["Спиране на водата в Лозенец", "Силен вятър"]);
    expect((await alerts("?lang=bg&district=sredets&state=current")).titles).toEqual(["Авария с тока в Средец"]);
    expect((await alerts("?lang=pl")).titles).toEqual([]);
  });

  it("follows the clock: an alert moves from upcoming to current to ended, and the ETag changes with it", async () => {
    portal.setNow(NOW);
    const first = await alerts("?lang=bg&district=lozenets&state=current");
    const etag = first.res.headers.etag as string;
    await request(portal.app).get("/api/v1/alerts?lang=bg&district=lozenets&state=current").set("If-None-Match", etag).expect(304);
    portal.setNow(NOW + 21 * HOUR);
    const later = await alerts("?lang=bg&district=lozenets&state=current");
    expect(later.titles).toEqual(["Силен вятър"]);
    expect(later.res.headers.etag).not.toBe(etag);
    await request(portal.app).get("/api/v1/alerts?lang=bg&district=lozenets&state=current").set("If-None-Match", etag).expect(200);
    expect((await alerts("?lang=bg&state=ended")).titles).toEqual(["Авария с тока в Средец", "Спиране на водата в Лозенец", "Без парно в част от „Лозенец“"]);
    portal.setNow(NOW);
  });

  it("answers bad parameters with a 400 problem naming them", async () => {
    for (const [query, parameter] of [
      ["?lang=bg&kind=water", ""],
      ["?lang=bg&state=past", "state"],
      ["?state=current", "lang"],
      ["?lang=bg&district=nowhere", "district"],
    ] as const) {
      const { body } = await alerts(query, 400);
      if (parameter) expect(body.errors?.map((e) => e.parameter)).toContain(parameter);
    }
    await alerts("?lang=bg&page=9", 404);
  });
});
