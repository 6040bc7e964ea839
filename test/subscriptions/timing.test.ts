// When things are sent (issue 24), with an injected clock: digests at 07:00 in Sofia and
// Warsaw (Mondays for weekly ones) and nothing when nothing is new; articles within 10
// minutes of a news e-mail wait and go together; alerts at once when they start within
// 48 hours, else 24 hours before the start, then "updated" and "cancelled"; temporary
// failures are retried, a permanent one stops the mailing.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { lastDigestSlot } from "../../src/subscriptions/digest.js";
import { iso, writeAlert } from "../helpers/alerts.js";
import { articleFile, confirmByMail, createSubsPortal, startInbox, subscribe, type Inbox, type SubsPortal } from "./helpers.js";

let inbox: Inbox | undefined;
let p: SubsPortal;
afterEach(async () => {
  await p?.close();
  await inbox?.close();
  inbox = undefined;
});

const HOUR = 3_600_000;
const MIN = 60_000;

async function reader(fields: Record<string, string>, lang: "bg" | "pl", now: number) {
  inbox = await startInbox();
  p = await createSubsPortal({ smtpUrl: inbox.url, now });
  await subscribe(p, { email: `${lang}@example.org`, ...fields }, lang);
  await p.subs.idle();
  await confirmByMail(p, inbox!.mails[0]!);
}

async function at(ms: number) {
  p.setNow(ms);
  p.subs.wake();
  await p.subs.idle();
}

const article = (lang: string, district: string, name: string, title: string, date: string) => {
  fs.mkdirSync(path.join(p.contentDir, lang, district), { recursive: true });
  fs.writeFileSync(path.join(p.contentDir, lang, district, `${name}.md`), articleFile(title, date));
};

describe("subscriptions: digests", () => {
  it("finds 07:00 local in both zones, across daylight saving time", () => {
    // Tuesday 2026-11-24 06:00 UTC = 08:00 in Sofia (EET), 07:00 in Warsaw (CET).
    const now = Date.UTC(2026, 10, 24, 6, 0);
    expect(new Date(lastDigestSlot(now, "Europe/Sofia", "daily")).toISOString()).toBe("2026-11-24T05:00:00.000Z");
    expect(new Date(lastDigestSlot(now, "Europe/Warsaw", "daily")).toISOString()).toBe("2026-11-24T06:00:00.000Z");
    expect(new Date(lastDigestSlot(now - 1, "Europe/Warsaw", "daily")).toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(new Date(lastDigestSlot(now, "Europe/Sofia", "weekly")).toISOString()).toBe("2026-11-23T05:00:00.000Z");
    // Summer time: Monday 2026-06-29 07:00 in Sofia is 04:00 UTC.
    expect(new Date(lastDigestSlot(Date.UTC(2026, 5, 30, 12), "Europe/Sofia", "weekly")).toISOString()).toBe("2026-06-29T04:00:00.000Z");
  });

  it("sends the Bulgarian daily digest at 07:00 Sofia time with the day's articles, and nothing on a day without news", async () => {
    const monday = Date.UTC(2026, 10, 23, 12, 0); // 14:00 in Sofia
    await reader({ districts: "sredets", frequency: "daily" }, "bg", monday);
    article("bg", "sredets", "2026-11-23-a", "Първа новина", "2026-11-23");
    article("bg", "sredets", "2026-11-23-b", "Втора новина", "2026-11-23");
    await p.publish();
    expect(inbox!.mails).toHaveLength(1); // only the confirmation
    await at(Date.UTC(2026, 10, 24, 4, 59)); // 06:59 in Sofia
    expect(inbox!.mails).toHaveLength(1);
    await at(Date.UTC(2026, 10, 24, 5, 0)); // 07:00 in Sofia
    expect(inbox!.mails).toHaveLength(2);
    expect(inbox!.mails[1]!.subject).toBe("Днес: 2 нови статии");
    expect(inbox!.mails[1]!.text).toContain("Първа новина");
    expect(inbox!.mails[1]!.text).toContain("Втора новина");
    await at(Date.UTC(2026, 10, 25, 5, 0)); // the next morning: nothing new, nothing sent
    expect(inbox!.mails).toHaveLength(2);
  });

  it("sends the Polish weekly digest on Monday at 07:00 Warsaw time", async () => {
    const wednesday = Date.UTC(2026, 10, 25, 12, 0);
    await reader({ districts: "gdansk", frequency: "weekly" }, "pl", wednesday);
    article("pl", "gdansk", "2026-11-25-most", "Nowy most", "2026-11-25");
    await p.publish();
    await at(Date.UTC(2026, 10, 30, 5, 59)); // Monday 06:59 in Warsaw
    expect(inbox!.mails).toHaveLength(1);
    await at(Date.UTC(2026, 10, 30, 6, 0)); // Monday 07:00 in Warsaw
    expect(inbox!.mails).toHaveLength(2);
    expect(inbox!.mails[1]!.subject).toBe("W tym tygodniu: 1 nowy artykuł");
    expect(inbox!.mails[1]!.html).toContain('lang="pl"');
  });
});

describe("subscriptions: immediate news and alerts", () => {
  it("puts articles that come within 10 minutes of a news e-mail into one e-mail", async () => {
    const now = Date.UTC(2026, 10, 23, 12, 0);
    await reader({ districts: "sredets" }, "bg", now);
    article("bg", "sredets", "2026-11-23-a", "Новина едно", "2026-11-23");
    await p.publish();
    expect(inbox!.mails).toHaveLength(2);
    p.setNow(now + 2 * MIN);
    article("bg", "sredets", "2026-11-23-b", "Новина две", "2026-11-23");
    await p.publish();
    p.setNow(now + 4 * MIN);
    article("bg", "sredets", "2026-11-23-c", "Новина три", "2026-11-23");
    await p.publish();
    expect(inbox!.mails).toHaveLength(2);
    await at(now + 10 * MIN);
    expect(inbox!.mails).toHaveLength(3);
    expect(inbox!.mails[2]!.subject).toBe("2 нови статии");
    expect(inbox!.mails[2]!.text).toMatch(/Новина две[\s\S]*Новина три/);
  });

  it("mails a scheduled article when its date is reached, and a draft when it is made public", async () => {
    const now = Date.UTC(2026, 10, 23, 12, 0);
    await reader({ districts: "lozenets" }, "bg", now);
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/utre.md"), articleFile("Утрешна новина", "2026-11-24T10:00:00+02:00"));
    await p.publish();
    expect(inbox!.mails).toHaveLength(1);
    await at(Date.UTC(2026, 10, 24, 8, 0));
    expect(inbox!.mails.map((m) => m.subject)).toEqual(["Потвърдете абонамента си", "Утрешна новина"]);
    // The fixture's draft in Лозенец, made public.
    const draft = path.join(p.contentDir, "bg/lozenets/2026-11-12-grafik-za-podryazvane-na-darveta.md");
    fs.writeFileSync(draft, fs.readFileSync(draft, "utf8").replace("draft: true", "draft: false"));
    await at(Date.UTC(2026, 10, 24, 9, 0));
    await p.publish();
    expect(inbox!.mails).toHaveLength(3);
    expect(inbox!.mails[2]!.subject).toContain("график за зимното подрязване");
  });

  it("mails an alert 24 hours before a distant start; then updated and cancelled", async () => {
    const now = Date.UTC(2026, 10, 23, 12, 0);
    await reader({ districts: "lozenets", scope: "alerts" }, "bg", now);
    // An alert starting in 5 days is not mailed now…
    const start = now + 5 * 24 * HOUR;
    writeAlert(p.contentDir, "bg", "voda", { start: iso(start), end: iso(start + 8 * HOUR) });
    await p.publish();
    expect(inbox!.mails).toHaveLength(1);
    await at(start - 24 * HOUR - MIN);
    expect(inbox!.mails).toHaveLength(1);
    // …but 24 hours before it starts.
    await at(start - 24 * HOUR);
    expect(inbox!.mails).toHaveLength(2);
    expect(inbox!.mails[1]!.subject).toMatch(/^Вода — /);
    // Changed: "updated".
    writeAlert(p.contentDir, "bg", "voda", { start: iso(start), end: iso(start + 10 * HOUR) });
    await p.publish();
    expect(inbox!.mails).toHaveLength(3);
    expect(inbox!.mails[2]!.subject).toMatch(/^Променено: Вода — /);
    // Removed: "cancelled".
    fs.rmSync(path.join(p.contentDir, "alerts/bg/voda.md"));
    await p.publish();
    expect(inbox!.mails).toHaveLength(4);
    expect(inbox!.mails[3]!.subject).toMatch(/^Отменено: Вода — /);
    await at(p.now() + HOUR);
    expect(inbox!.mails).toHaveLength(4);
  });

  it("sends alerts-only readers no news", async () => {
    const now = Date.UTC(2026, 10, 23, 12, 0);
    await reader({ districts: "sredets", scope: "alerts" }, "bg", now);
    article("bg", "sredets", "2026-11-23-a", "Новина", "2026-11-23");
    await p.publish();
    expect(inbox!.mails).toHaveLength(1);
  });
});

describe("subscriptions: delivery failures", () => {
  it("retries a temporary failure (4xx) later, and stops mailing an address after a permanent one (5xx)", async () => {
    const now = Date.UTC(2026, 10, 23, 12, 0);
    await reader({ districts: "sredets" }, "bg", now);
    inbox!.refuse.set("bg@example.org", 451);
    article("bg", "sredets", "2026-11-23-a", "Новина при грешка", "2026-11-23");
    await p.publish();
    expect(inbox!.mails).toHaveLength(1);
    let ready = await request(p.app).get("/readyz");
    expect(ready.body.mailQueue).toEqual({ length: 1, oldestAgeSeconds: 0 });
    inbox!.refuse.delete("bg@example.org");
    await at(now + 30_000); // before the back-off is over
    expect(inbox!.mails).toHaveLength(1);
    await at(now + 61_000);
    expect(inbox!.mails).toHaveLength(2);
    expect(inbox!.mails[1]!.subject).toBe("Новина при грешка");
    ready = await request(p.app).get("/readyz");
    expect(ready.body.mailQueue).toEqual({ length: 0, oldestAgeSeconds: null });

    inbox!.refuse.set("bg@example.org", 550);
    p.setNow(now + 20 * MIN);
    article("bg", "sredets", "2026-11-23-b", "Новина към несъществуващ адрес", "2026-11-23");
    await p.publish();
    expect(p.subs.subscribers.all()[0]!.status).toBe("bounced");
    inbox!.refuse.delete("bg@example.org");
    p.setNow(now + 40 * MIN);
    article("bg", "sredets", "2026-11-23-c", "Още една", "2026-11-23");
    await p.publish();
    await at(now + 2 * HOUR);
    expect(inbox!.mails).toHaveLength(2);
  });
});
