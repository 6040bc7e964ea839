// The subscription form in a real browser (issue 24): submitted without script from the
// home page, answered with the form filled in again on a bad address, and confirmed; the
// pages and the e-mail's HTML have no axe-core violations of WCAG 2.1 A/AA.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./harness.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubsPortal, linkIn, startInbox, type Inbox, type SubsPortal } from "../subscriptions/helpers.js";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let inbox: Inbox;
let p: SubsPortal;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  inbox = await startInbox();
  server = await new Promise<Server>((resolve) => {
    const s = require("node:http").createServer() as Server;
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // BASE_URL is this server, so the browser's Origin matches it.
  p = await createSubsPortal({ smtpUrl: inbox.url, env: { BASE_URL: base } });
  server.on("request", p.handle);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
  await p.close();
  await inbox.close();
});

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(`axe.run({ runOnly: { type: "tag", values: ${JSON.stringify(TAGS)} } })`)) as {
    violations: { id: string; help: string }[];
  };
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}

describe("subscriptions in a browser", () => {
  // Fault found at merge: the subscribe form reused the search page's form class, and the
  // search page's "one search field" rule then hid the header's search on every page
  // that shows the form. Must hold: the header search stays on the home and district pages.
  it("leaves the header's search field visible on pages that show the subscribe form", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    for (const url of ["/bg/", "/pl/", "/bg/rayoni/sredets/"]) {
      await page.goto(base + url);
      expect(await page.locator("section.subscribe form").count(), url).toBe(1);
      expect(await page.locator(".site-header .search-form").isVisible(), url).toBe(true);
    }
    await page.close();
  });

  it("subscribes from the home page without script, shows a bad address again, confirms, and every page passes axe", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/bg/`);
    // A bad address the browser's own check lets through (type=email wants only an @).
    await page.fill("#subscribe-email", "not@an-address");
    await page.check('input[name="districts"][value="sredets"]');
    await page.click('section.subscribe button[type="submit"]');
    expect(page.url()).toBe(`${base}/bg/abonament/`);
    expect(await page.textContent("[role=alert]")).toContain("Въведете имейл адрес");
    expect(await page.inputValue("#subscribe-email")).toBe("not@an-address");
    // Posted again from that page (whose referrer policy makes some browsers send Origin: null).
    expect(await page.isChecked('input[name="districts"][value="sredets"]')).toBe(true);
    await page.fill("#subscribe-email", "browser@example.org");
    await page.click('section.subscribe button[type="submit"]');
    expect(await page.textContent("[role=status]", { timeout: 5000 })).toContain("Проверете пощата си");
    await p.subs.idle();
    const link = linkIn(inbox.mails[0]!, `${base}/bg/abonament/potvardi/`);
    await page.goto(link);
    await page.click("main button[type=submit]");
    expect(await page.textContent("[role=status]")).toContain("абонаментът ви е потвърден");

    const checked = await browser.newContext();
    const q = await checked.newPage();
    for (const url of ["/bg/", "/bg/rayoni/sredets/", "/bg/abonament/", "/pl/subskrypcja/", "/bg/poveritelnost/", new URL(link).pathname]) {
      await q.goto(base + url);
      expect(await axe(q), url).toEqual([]);
    }
    // The e-mail's HTML, as a mail program would show it.
    await q.setContent(inbox.mails[0]!.html as string);
    expect(await axe(q)).toEqual([]);
    await context.close();
    await checked.close();
  });
});
