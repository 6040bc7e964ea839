// src/web/negotiate.ts: Accept-Language (RFC 9110 §12.5.4) picks bg or pl by q-value,
// and every choice made from it says Vary: Accept-Language.
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { localeForResponse, negotiateLocale } from "../../src/web/negotiate.js";

describe("negotiateLocale", () => {
  it.each([
    ["pl-PL,pl;q=0.9,en;q=0.8", "pl"],
    ["en-US,en;q=0.9,bg;q=0.5", "bg"],
    ["bg;q=0.4, pl;q=0.8", "pl"],
    ["pl;q=0, bg", "bg"],
    ["de, fr", "pl"],
    ["*", "pl"],
    ["", "pl"],
    ["pl;q=abc", "pl"],
    ["BG-bg", "bg"],
  ] as const)("%j → %s (fallback pl)", (header, locale) => {
    expect(negotiateLocale(header, "pl")).toBe(locale);
  });

  it("keeps the order of equal q-values and ignores an over-long header", () => {
    expect(negotiateLocale("pl, bg", "bg")).toBe("pl");
    expect(negotiateLocale(`${"x,".repeat(600)}pl`, "bg")).toBe("bg");
  });
});

describe("localeForResponse", () => {
  it("adds Vary: Accept-Language to the response it chooses for", async () => {
    const app = express();
    app.get("/", (req, res) => void res.send(localeForResponse(req, res, "bg")));
    const res = await request(app).get("/").set("Accept-Language", "pl");
    expect(res.text).toBe("pl");
    expect(res.headers.vary).toMatch(/Accept-Language/);
  });
});
