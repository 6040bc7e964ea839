// Residents leave an address only where they can read how it is kept: every page's footer
// links the privacy page of its language (issue 24; the page itself: test/subscriptions/).
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "../helpers/app.js";

let portal: TestPortal;
beforeAll(async () => {
  portal = await createTestPortal();
});
afterAll(() => portal.close());

describe("footer privacy link", () => {
  it.each([
    ["/bg/", "/bg/poveritelnost/", "Поверителност на абонаментите"],
    ["/pl/", "/pl/prywatnosc/", "Prywatność subskrypcji"],
  ])("%s links %s in its footer", async (page, privacy, text) => {
    const footer = /<footer[\s\S]*<\/footer>/.exec((await request(portal.app).get(page)).text)?.[0] ?? "";
    expect(footer).toContain(`<a href="${privacy}">${text}</a>`);
  });
});
