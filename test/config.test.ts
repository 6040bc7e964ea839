// src/config.ts: the environment is parsed once, frozen, and every refusal names the
// variable, what is wrong and what was given — never a secret.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, isLocale, loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("gives production defaults, frozen, with absolute folders", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: "production",
      port: 3000,
      host: "0.0.0.0",
      baseUrl: "http://localhost:3000",
      defaultLocale: "bg",
      trustProxy: false,
      workers: 1,
      contentRepo: null,
      webhookSecret: null,
    });
    expect(c.timeZones).toEqual({ bg: "Europe/Sofia", pl: "Europe/Warsaw" });
    expect(path.isAbsolute(c.contentDir) && path.isAbsolute(c.dataDir)).toBe(true);
    expect(Object.isFrozen(c) && Object.isFrozen(c.timeZones)).toBe(true);
  });

  it("drops the trailing slash of BASE_URL and reads TRUST_PROXY as a hop count or addresses", () => {
    expect(loadConfig({ BASE_URL: "https://news.example.org//" }).baseUrl).toBe("https://news.example.org");
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
  });

  it("watches the content folder outside tests and never while following a repository", () => {
    expect(loadConfig({ NODE_ENV: "development" }).watch).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).watch).toBe(false);
    const followed = loadConfig({ NODE_ENV: "development", CONTENT_REPO: "https://git.example.org/news.git", DATA_DIR: "/srv/data" });
    expect(followed.watch).toBe(false);
    expect(followed.contentDir).toBe(path.join("/srv/data", "content-repo", "current"));
  });

  it("refuses a time zone typo, TRUST_PROXY=true and a clear-text repository, naming each variable", () => {
    const error = (() => {
      try {
        loadConfig({ TIME_ZONE_BG: "Europe/Sofija", TRUST_PROXY: "true", CONTENT_REPO: "http://git.example.org/news.git" });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('TIME_ZONE_BG: is not an IANA time zone such as Europe/Sofia (got "Europe/Sofija")');
    expect(message).toContain("TRUST_PROXY: trusts every X-Forwarded-For entry");
    // Not zod's "Invalid input": the union with "" (unset) used to hide what is wrong.
    expect(message).toContain(
      'CONTENT_REPO: must be an https://, ssh:// or file:// URL, user@host:path (ssh) or a local path (got "http://git.example.org/news.git")',
    );
  });

  it("never shows the webhook secret or a repository password in its message", () => {
    expect(() => loadConfig({ WEBHOOK_SECRET: "short-secret" })).toThrow(
      "WEBHOOK_SECRET: must be at least 16 characters (openssl rand -hex 32 makes one) (got 12 characters)",
    );
    expect(loadConfig({ WEBHOOK_SECRET: "", CONTENT_REPO: "" })).toMatchObject({ webhookSecret: null, contentRepo: null });
    expect(() => loadConfig({ CONTENT_REPO: "http://user:hunter2@git.example.org/x.git" })).toThrow(ConfigError);
    try {
      loadConfig({ CONTENT_REPO: "http://user:hunter2@git.example.org/x.git" });
    } catch (e) {
      expect((e as Error).message).not.toContain("hunter2");
    }
  });
});

describe("isLocale", () => {
  it("accepts the configured languages only", () => {
    expect(["bg", "pl", "en", "BG", undefined, 1].map(isLocale)).toEqual([true, true, false, false, false, false]);
  });
});
