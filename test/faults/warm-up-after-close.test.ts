// Fault: followContent asks the index to warm up a second after start; when the portal
// stopped within that second (a quick restart, a test), the timer ran on a closed
// database and threw "The database connection is not open" as an uncaught exception,
// which the single process treats as a crash. Must hold: warming up a closed index is
// a no-op.
import { describe, expect, it } from "vitest";
import { createTestPortal } from "../helpers/app.js";

describe("warm-up after the index closed", () => {
  it("does nothing instead of throwing on the closed database", async () => {
    const portal = await createTestPortal();
    const { index } = portal;
    portal.close();
    expect(() => index.warmUp()).not.toThrow();
  });
});
