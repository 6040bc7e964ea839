// src/content/zod-issues.ts: zod's issues become one editor problem per field, on the
// line of the key, with "did you mean" for a misspelt field — and no second message for
// the field the typo left missing.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { suggestKey, zodToIssues } from "../../src/content/zod-issues.js";

const schema = z.strictObject({ title: z.string(), municipality: z.string(), image: z.strictObject({ src: z.string(), alt: z.string() }).optional() });
const LINES: Record<string, number> = { title: 2, municipalty: 3, image: 4, "image.sorce": 5, "image.alt": 6 };
const lineOf = (path: readonly PropertyKey[]) => LINES[path.join(".")] ?? 1;

function issuesOf(data: unknown, misspelt: "drop" | "keep" = "drop") {
  const parsed = schema.safeParse(data);
  if (parsed.success) return [];
  return zodToIssues(parsed.error, schema, "bg/x.md", lineOf, data, misspelt);
}

describe("suggestKey", () => {
  it("names the allowed key a typo is close to, and nothing for a word far from all", () => {
    expect(suggestKey("titel", ["title", "date"])).toBe("title");
    expect(suggestKey("Municipalty", ["municipality"])).toBe("municipality");
    expect(suggestKey("colour", ["title", "date"])).toBeNull();
  });
});

describe("zodToIssues", () => {
  it("reports a misspelt field once, on its line, with the field it meant", () => {
    const issues = issuesOf({ title: "x", municipalty: "Sofia" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "bg/x.md", line: 3, field: "municipalty", severity: "error" });
    expect(issues[0]!.message).toContain('did you mean "municipality"?');
  });

  it("names nested fields with dots, and lists the allowed ones when no key is close", () => {
    const issues = issuesOf({ title: "x", municipality: "y", image: { sorce: "a.jpg", alt: "z", qqqqqqq: 1 } });
    expect(issues.map((i) => [i.field, i.line])).toEqual([
      ["image.sorce", 5],
      ["image.qqqqqqq", 1],
    ]);
    expect(issues[1]!.message).toContain("allowed fields are src, alt");
  });

  it("gives each other problem its own line and field", () => {
    const issues = issuesOf({ title: 5, municipality: "y" });
    expect(issues.map((i) => [i.field, i.line])).toEqual([["title", 2]]);
  });
});
