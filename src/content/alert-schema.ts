// The single source of truth for what editors may write in an alert
// (content/alerts/<lang>/<name>.md, issue 23's content contract). The loader, the
// alerts table and the page models use the types inferred here.
import { z } from "zod";
import { DISTRICT_ID_PATTERN, text } from "./schema.js";
import { alertTimeProblem } from "./alert-time.js";

export const ALERT_KINDS = ["water", "heating", "electricity", "gas", "roads", "transport", "weather", "other"] as const;
export const ALERT_SEVERITIES = ["info", "warning", "emergency"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
/** An alert longer than this is allowed, with a warning: it is more likely a typo in a date. */
export const ALERT_LONG_DAYS = 31;

const oneOf = <T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `is required — write one of: ${values.join(", ")}`
        : `"${String(issue.input)}" is not ${what} — write one of: ${values.join(", ")}`,
  });

const alertTime = z
  .string({ error: (issue) => (issue.input === undefined ? "is required — add a date and time such as 2026-12-08T08:00" : "must be a date and time such as 2026-12-08T08:00") })
  .transform((value) => value.trim())
  .superRefine((value, ctx) => {
    const problem = alertTimeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const DISTRICTS_HINT = "must be a list of district ids such as [lozenets, sredets], or the word all";

const districtList = z
  .array(z.string({ error: DISTRICTS_HINT }).regex(DISTRICT_ID_PATTERN, "is not a district id — use the name of its file in districts/, such as lozenets"), { error: DISTRICTS_HINT })
  .min(1, "is empty — name at least one district, or write all")
  .max(100, "names more than 100 districts — write all");

export const alertSchema = z.strictObject({
  title: text("a title", 200),
  kind: oneOf("a kind of alert", ALERT_KINDS),
  severity: oneOf("a severity", ALERT_SEVERITIES),
  districts: z.union([z.literal("all"), districtList], {
    error: (issue) => (issue.input === undefined ? "is required — list the district ids, such as [lozenets], or write all" : DISTRICTS_HINT),
  }),
  start: alertTime,
  end: alertTime,
  area: text("the streets or places concerned", 500).optional(),
  translationKey: z
    .string({ error: "must be text" })
    .regex(/^[A-Za-z0-9._-]{1,100}$/, "may contain only letters a-z, digits, '.', '_' and '-'")
    .optional(),
});

export type AlertFile = z.infer<typeof alertSchema>;
