// Fault (issue 19, item 6, the proxy half; the cluster half is in
// test/faults/built/search-rate-limit-cluster.test.ts): with TRUST_PROXY=true a client
// that rotated its own X-Forwarded-For passed 100 of 100 searches, though nginx appends
// the real address ($proxy_add_x_forwarded_for). Must hold: with TRUST_PROXY set as
// deploy/README.md says (a hop count or the proxy's address), only the entry the proxy
// added counts; "true" is refused at start.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createTestPortal } from "../helpers/app.js";
import { rawServer } from "../security/raw-http.js";

const LIMIT = 20;

describe("behind a proxy, only the address the proxy added counts for the search limit", () => {
  it.each(["1", "loopback", "127.0.0.1"])(
    "TRUST_PROXY=%s: rotating the client-sent X-Forwarded-For does not help",
    async (trust) => {
      const portal = await createTestPortal({ env: { TRUST_PROXY: trust, SEARCH_RATE_LIMIT: String(LIMIT) } });
      const raw = await rawServer(portal.handle);
      try {
        let passed = 0;
        for (let i = 0; i < 60; i++) {
          // The header nginx sends: what the client wrote, then the address nginx saw.
          const res = await raw.request("GET", "/pl/szukaj/?q=gdansk", { "X-Forwarded-For": `203.0.113.${i}, 127.0.0.${i + 2}, 198.51.100.7` });
          if (res.status === 200) passed++;
          else {
            expect(res.status).toBe(429);
            // Refused for this client only: a shared cache must not hand the 429 to others.
            expect(res.headers["cache-control"]).toBe("no-store");
          }
        }
        expect(passed).toBe(LIMIT);
        // Another reader behind the same proxy still searches.
        expect((await raw.request("GET", "/pl/szukaj/?q=gdansk", { "X-Forwarded-For": "203.0.113.1, 198.51.100.8" })).status).toBe(200);
      } finally {
        await raw.close();
        portal.close();
      }
    },
    30_000,
  );

  it("refuses TRUST_PROXY=true, naming the setting and what to set instead", () => {
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: trusts every X-Forwarded-For entry.*set the number of proxies/);
  });
});
