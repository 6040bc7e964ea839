// Abuse and safety (issue 24): only our own pages can post, every field is validated and
// a bad one comes back localized with the form filled in, the answer tells nobody who is
// subscribed, clients and addresses are rate-limited, links carry no address.
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formToken } from "../../src/subscriptions/tokens.js";
import { confirmByMail, createSubsPortal, formTokenOf, ORIGIN, startInbox, subscribe, type Inbox, type SubsPortal } from "./helpers.js";

let inbox: Inbox;
let p: SubsPortal;

beforeEach(async () => {
  inbox = await startInbox();
  p = await createSubsPortal({ smtpUrl: inbox.url });
});
afterEach(async () => {
  await p.close();
  await inbox.close();
});

const post = (fields: Record<string, string>, headers: Record<string, string> = { Origin: ORIGIN, "Sec-Fetch-Site": "same-origin" }) => {
  let r = request(p.app).post("/bg/abonament/");
  for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
  return r.type("form").send(new URLSearchParams({ token: formToken(p.subs.signer, p.now()), scope: "all", frequency: "immediately", ...fields }).toString());
};

describe("subscriptions: abuse", () => {
  it("refuses a cross-site POST (Origin of another site, or Sec-Fetch-Site cross-site) and sends nothing", async () => {
    const a = await post({ email: "a@example.org", districts: "lozenets" }, { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" });
    const b = await post({ email: "a@example.org", districts: "lozenets" }, { "Sec-Fetch-Site": "same-site" });
    const c = await post({ email: "a@example.org", districts: "lozenets" }, { Origin: "null" });
    expect([a.status, b.status, c.status]).toEqual([403, 403, 403]);
    // Our own page under a no-referrer policy: Origin null, but Sec-Fetch-Site same-origin.
    expect((await post({ email: "own@example.org", districts: "lozenets" }, { Origin: "null", "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    expect(a.text).toContain("Формулярът може да се изпраща само от страниците на портала.");
    await p.subs.idle();
    expect(p.subs.subscribers.all().map((s) => s.email)).toEqual(["own@example.org"]);
  });

  it("refuses a post without a valid form token, answering with the form filled in again", async () => {
    const body = new URLSearchParams({
      token: "forged.AAAAAAAAAAAAAAAAAAAAAA",
      email: "a@example.org",
      districts: "lozenets",
      scope: "alerts",
      frequency: "daily",
    });
    const res = await request(p.app).post("/bg/abonament/").set("Origin", ORIGIN).type("form").send(body.toString());
    expect(res.status).toBe(400);
    expect(res.text).toContain("Страницата е стара.");
    expect(res.text).toContain('value="a@example.org"');
    expect(res.text).toMatch(/value="alerts" checked/);
    expect(res.text).toMatch(/value="daily" checked/);
    // A token older than a week (a page kept in a cache) is refused the same way.
    const old = await post({ token: formToken(p.subs.signer, p.now() - 8 * 24 * 3_600_000), email: "a@example.org", districts: "lozenets" });
    expect(old.status).toBe(400);
    expect(p.subs.subscribers.all()).toHaveLength(0);
  });

  it("validates every field with a localized message and keeps what was typed", async () => {
    const res = await post({ email: "not-an-address", districts: "atlantis", frequency: "hourly" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Въведете имейл адрес");
    expect(res.text).toContain("Изберете поне един район от списъка.");
    expect(res.text).toContain("Изберете колко често.");
    expect(res.text).toContain('value="not-an-address"');
    const pl = await request(p.app)
      .post("/pl/subskrypcja/")
      .set("Origin", ORIGIN)
      .type("form")
      .send(new URLSearchParams({ token: formToken(p.subs.signer, p.now()), email: "x", districts: "gdansk", scope: "all", frequency: "daily" }).toString());
    expect(pl.status).toBe(400);
    expect(pl.text).toContain("Podaj adres e-mail");
  });

  it("answers the same for an unknown, an unconfirmed and a confirmed address", async () => {
    const strip = (html: string) => html.replace(/name="token" value="[^"]+"/g, "");
    const first = await subscribe(p, { email: "known@example.org", districts: "lozenets" });
    await p.subs.idle();
    await confirmByMail(p, inbox.mails[0]!);
    const known = await subscribe(p, { email: "known@example.org", districts: "lozenets" });
    const unknown = await subscribe(p, { email: "nobody@example.org", districts: "lozenets" });
    expect(known.status).toBe(unknown.status);
    expect(strip(known.text)).toBe(strip(unknown.text));
    expect(strip(first.text)).toBe(strip(unknown.text));
  });

  it("sends at most 3 confirmation e-mails per address a day, whatever is asked", async () => {
    for (let i = 0; i < 5; i++) expect((await subscribe(p, { email: "flood@example.org", districts: "lozenets" })).status).toBe(200);
    await p.subs.idle();
    expect(inbox.mails).toHaveLength(3);
    p.setNow(p.now() + 24 * 3_600_000 + 1000);
    expect((await subscribe(p, { email: "flood@example.org", districts: "lozenets" })).status).toBe(200);
    await p.subs.idle();
    expect(inbox.mails).toHaveLength(4);
  });

  it("limits posts per client", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await post({ email: `c${i}@example.org`, districts: "lozenets" })).status);
    expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it("puts no address in any link and accepts no forged manage or confirm token", async () => {
    await subscribe(p, { email: "links@example.org", districts: "lozenets" });
    await p.subs.idle();
    const text = inbox.mails[0]!.text ?? "";
    for (const url of text.match(/https?:\/\/\S+/g) ?? []) expect(url).not.toMatch(/links|example\.org\/.*@/);
    const id = p.subs.subscribers.all()[0]!.publicId;
    await request(p.app).get(`/bg/abonament/upravlenie/${id}.AAAAAAAAAAAAAAAAAAAAAA/`).expect(404);
    await request(p.app).get(`/bg/abonament/potvardi/${id}.zzzzzz.AAAAAAAAAAAAAAAAAAAAAA/`).expect(404);
  });

  it("shows the form on the home, district and tag pages, the district ticked on its page", async () => {
    const home = await request(p.app).get("/bg/").expect(200);
    expect(home.text).toContain('action="/bg/abonament/"');
    formTokenOf(home.text);
    const district = await request(p.app).get("/bg/rayoni/sredets/").expect(200);
    expect(district.text).toMatch(/value="sredets" checked/);
    const tags = await request(p.app).get("/bg/etiketi/").expect(200);
    const tag = /href="(\/bg\/etiketi\/[^"]+\/)"/.exec(tags.text)![1]!;
    const tagPage = await request(p.app).get(tag).expect(200);
    expect(tagPage.text).toMatch(new RegExp(`value="${tag.split("/")[3]}" checked`));
    const privacy = await request(p.app).get("/bg/poveritelnost/").expect(200);
    expect(privacy.text).toContain("Колко дълго");
  });
});
