// src/errors.ts: one base class for the portal's own errors, and the one mapping from an
// error to a response (status, localized page, shown detail, logged or not).
import { describe, expect, it } from "vitest";
import { ParameterError } from "../src/api/problem.js";
import { ConfigError } from "../src/config.js";
import { RepoError } from "../src/content-repo/git.js";
import { NewArticleError } from "../src/content/new-article.js";
import { msg } from "../src/content/messages/index.js";
import { FrontMatterError } from "../src/content/yaml.js";
import { AppError, ContentGoneError, HttpError, IndexError, mapError } from "../src/errors.js";
import { WorkerFailure } from "../src/content/load/parallel.js";
import { QueueFullError } from "../src/media/limit.js";
import { RefusedFileError } from "../src/media/open.js";
import { PictureChangedError } from "../src/media/source.js";
import { UndecodablePictureError } from "../src/media/variants.js";
import { StartError } from "../src/server/start-errors.js";

describe("the error classes", () => {
  it("all extend AppError and keep their cause", () => {
    const cause = new Error("underneath");
    const errors = [
      new HttpError(404, "x", { cause }),
      new ParameterError([], { cause }),
      new IndexError("x", { cause }),
      new ContentGoneError("x", { cause }),
      new ConfigError("x", { cause }),
      new RepoError("x", { cause }),
      new FrontMatterError(msg("yaml.aliases"), 1, { cause }),
      new NewArticleError(msg("new.titleOneLine"), { cause }),
      new WorkerFailure("x", { cause }),
      new QueueFullError("x", { cause }),
      new RefusedFileError("missing", "a.jpg", { cause }),
      new PictureChangedError("x", { cause }),
      new UndecodablePictureError("x", { cause }),
      new StartError("x", { cause }),
    ];
    for (const e of errors) {
      expect(e, e.name).toBeInstanceOf(AppError);
      expect(e.cause, e.name).toBe(cause);
    }
  });

  it("an editor's error speaks the editor's language, and English in logs", () => {
    const e = new NewArticleError(msg("new.titleTooLong", { max: 200 }));
    expect(e.message).toBe("the title is longer than 200 characters — shorten it");
    expect(e.in("bg")).toBe("заглавието е по-дълго от 200 знака — съкратете го");
    expect(e.in("pl")).toBe("tytuł ma więcej niż 200 znaków — skróć go");
  });
});

describe("mapError", () => {
  it("a reader's mistake: its status and page, its message shown, nothing logged", () => {
    expect(mapError(new HttpError(404, "No such district"))).toEqual({ status: 404, template: 404, detail: "No such district", log: null });
    expect(mapError(new HttpError(400, "Unknown district"))).toEqual({ status: 400, template: 400, detail: "Unknown district", log: null });
  });

  it("a status without a page of its own uses its class's", () => {
    expect(mapError(new HttpError(410, "Gone"))).toMatchObject({ status: 410, template: 400 });
    expect(mapError(new HttpError(502, "Bad gateway"))).toMatchObject({ status: 502, template: 500, detail: undefined, log: "error" });
  });

  it("a message is shown only when the error says it may be", () => {
    expect(mapError(new HttpError(500, "secret path /srv/x")).detail).toBeUndefined();
    expect(mapError(new HttpError(503, "Picture resizing is busy", { expose: true })).detail).toBe("Picture resizing is busy");
    expect(mapError(new HttpError(404, "internal", { expose: false })).detail).toBeUndefined();
  });

  it("unavailable is a warning; a damaged index is unavailable", () => {
    expect(mapError(new HttpError(503, "The search index is still being filled"))).toMatchObject({ status: 503, template: 503, log: "warn" });
    expect(mapError(new Error("SQLITE_CORRUPT"), true)).toEqual({ status: 503, template: 503, detail: undefined, log: "warn" });
  });

  it("the unexpected is a logged 500 with nothing shown", () => {
    expect(mapError(new TypeError("x is undefined"))).toEqual({ status: 500, template: 500, detail: undefined, log: "error" });
    expect(mapError("a string")).toMatchObject({ status: 500, log: "error" });
    expect(mapError(null)).toMatchObject({ status: 500, log: "error" });
  });

  it("errors of Express and its parsers keep their status; nonsense statuses are 500", () => {
    expect(mapError(Object.assign(new URIError("URI malformed"), { status: 400 }))).toMatchObject({ status: 400, template: 400, detail: undefined, log: null });
    expect(mapError({ statusCode: 413 })).toMatchObject({ status: 413, template: 400, log: null });
    expect(mapError({ status: 302 })).toMatchObject({ status: 500 });
    expect(mapError({ status: "abc" })).toMatchObject({ status: 500 });
  });
});
