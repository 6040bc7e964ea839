// Issue 24, "done when": subscribe through the HTML form → confirmation e-mail → click →
// an article published into the district and a water alert arrive in Bulgarian with the
// right links and headers → one-click unsubscribe by POST → nothing more arrives.
// Against a real SMTP server started here (smtp-server).
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NOW } from "../helpers/app.js";
import { iso, writeAlert } from "../helpers/alerts.js";
import { articleFile, confirmByMail, createSubsPortal, header, linkIn, ORIGIN, startInbox, subscribe, type Inbox, type SubsPortal } from "./helpers.js";

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

describe("subscriptions: the whole flow through a real SMTP server", () => {
  it("subscribes to Лозенец in Bulgarian, gets the next article and a water alert, leaves with one click", async () => {
    const res = await subscribe(p, { email: "Reader@Example.org", districts: "lozenets" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Проверете пощата си");
    await p.subs.idle();
    expect(inbox.mails).toHaveLength(1);
    const confirm = inbox.mails[0]!;
    expect(confirm.subject).toBe("Потвърдете абонамента си");
    expect(String(confirm.to && !Array.isArray(confirm.to) && confirm.to.text).toLowerCase()).toBe("reader@example.org");
    // The link carries a signed token, never the address.
    expect(linkIn(confirm, `${ORIGIN}/bg/abonament/potvardi/`)).toMatch(/potvardi\/[0-9a-f]{32}\.[0-9a-z]+\.[\w-]{22}\/$/);
    expect(confirm.html).toContain('lang="bg"');

    // Nothing is sent before confirmation: an article published now does not go out.
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-predi.md"), articleFile("Преди потвърждението", "2026-11-23"));
    await p.publish();
    expect(inbox.mails).toHaveLength(1);

    await confirmByMail(p, confirm);
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-nov-park.md"), articleFile("Нов парк в Лозенец", "2026-11-23"));
    await p.publish();
    expect(inbox.mails).toHaveLength(2);
    const news = inbox.mails[1]!;
    expect(news.subject).toBe("Нов парк в Лозенец");
    expect(news.text).toContain(`${ORIGIN}/bg/novini/nov-park-v-lozenets/`);
    expect(news.html).toContain('lang="bg"');
    expect(news.html).toContain("Прочетете „Нов парк в Лозенец“ на портала");
    const unsubscribe = String(header(news, "List-Unsubscribe"));
    expect(unsubscribe).toMatch(new RegExp(`^<${ORIGIN}/bg/abonament/otpisvane/[0-9a-f]{32}\\.[\\w-]{22}/>$`));
    expect(header(news, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(header(news, "List-Id")).toMatch(/<bg\.subscriptions\.news\.example\.org>$/);
    expect(linkIn(news, `${ORIGIN}/bg/abonament/upravlenie/`)).toBeTruthy();

    // A water alert for Лозенец starting in 2 hours goes at once.
    writeAlert(p.contentDir, "bg", "voda-lozenets", { start: iso(NOW + 2 * 3_600_000), end: iso(NOW + 6 * 3_600_000), area: "ул. „Цар Иван Асен II“" });
    await p.publish();
    expect(inbox.mails).toHaveLength(3);
    const alert = inbox.mails[2]!;
    expect(alert.subject).toContain("Вода");
    expect(alert.text).toContain("Къде: ул. „Цар Иван Асен II“");
    expect(alert.text).toContain("Кога:");

    // An edit of the article mailed already is not news again.
    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-nov-park.md"), articleFile("Нов парк в Лозенец", "2026-11-23") + "\nДопълнение.\n");
    await p.publish();
    expect(inbox.mails).toHaveLength(3);

    // One click, as a mail program does it (RFC 8058): a POST with no form token, no Origin.
    const target = new URL(unsubscribe.slice(1, -1));
    await request(p.app).post(target.pathname).type("form").send("List-Unsubscribe=One-Click").expect(200);
    expect(p.subs.subscribers.all()).toHaveLength(0);

    fs.writeFileSync(path.join(p.contentDir, "bg/lozenets/2026-11-23-oshte.md"), articleFile("Още една новина", "2026-11-23"));
    writeAlert(p.contentDir, "bg", "tok-lozenets", { kind: "electricity", start: iso(NOW + 3_600_000), end: iso(NOW + 2 * 3_600_000) });
    await p.publish();
    expect(inbox.mails).toHaveLength(3);
  });

  it("sends the Polish form's reader Polish e-mails", async () => {
    await subscribe(p, { email: "czytelnik@example.pl", districts: "gdansk" }, "pl");
    await p.subs.idle();
    expect(inbox.mails[0]!.subject).toBe("Potwierdź subskrypcję");
    expect(linkIn(inbox.mails[0]!, `${ORIGIN}/pl/subskrypcja/potwierdz/`)).toBeTruthy();
    await confirmByMail(p, inbox.mails[0]!);
    fs.mkdirSync(path.join(p.contentDir, "pl/gdansk"), { recursive: true });
    fs.writeFileSync(path.join(p.contentDir, "pl/gdansk/2026-11-23-nowy-most.md"), "---\ntitle: Nowy most w Gdańsku\ndate: 2026-11-23\n---\nTreść.\n");
    await p.publish();
    expect(inbox.mails).toHaveLength(2);
    expect(inbox.mails[1]!.subject).toBe("Nowy most w Gdańsku");
    expect(inbox.mails[1]!.html).toContain('lang="pl"');
    expect(inbox.mails[1]!.text).toContain("Wypisz się");
  });
});
