// The single source of truth for what editors may write in an alert
// (content/alerts/<lang>/<name>.md, issue 23's content contract). The loader, the
// alerts table and the page models use the types inferred here.
import { z } from "zod";
import { DISTRICT_ID_PATTERN, text } from "./schema.js";
import { alertTimeProblem } from "./alert-time.js";
import type { MessageId } from "./messages/index.js";
import { zodMessage as m } from "./zod-issues.js";

export const ALERT_KINDS = ["water", "heating", "electricity", "gas", "roads", "transport", "weather", "other"] as const;
export const ALERT_SEVERITIES = ["info", "warning", "emergency"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
/** An alert longer than this is allowed, with a warning: it is more likely a typo in a date. */
export const ALERT_LONG_DAYS = 31;

const oneOf = <T extends readonly [string, ...string[]]>(what: MessageId, values: T) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? m("alert.oneOfRequired", { values: values.join(", ") })
        : m("alert.oneOf", { value: String(issue.input), what: { id: what }, values: values.join(", ") }),
  });

const alertTime = z
  .string({ error: (issue) => (issue.input === undefined ? m("alert.timeRequired") : m("alert.timeNotText")) })
  .transform((value) => value.trim())
  .superRefine((value, ctx) => {
    const problem = alertTimeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: m(problem.id, problem.params) });
  });

const DISTRICTS_HINT = m("alert.districtsHint");

const districtList = z
  .array(z.string({ error: DISTRICTS_HINT }).regex(DISTRICT_ID_PATTERN, m("alert.districtId")), { error: DISTRICTS_HINT })
  .min(1, m("alert.districtsEmpty"))
  .max(100, m("alert.districtsTooMany", { max: 100 }));

export const alertSchema = z.strictObject({
  title: text("what.title", 200),
  kind: oneOf("what.alertKind", ALERT_KINDS),
  severity: oneOf("what.severity", ALERT_SEVERITIES),
  districts: z.union([z.literal("all"), districtList], {
    error: (issue) => (issue.input === undefined ? m("alert.districtsRequired") : DISTRICTS_HINT),
  }),
  start: alertTime,
  end: alertTime,
  area: text("what.area", 500).optional(),
  translationKey: z
    .string({ error: m("field.notTextPlain") })
    .regex(/^[A-Za-z0-9._-]{1,100}$/, m("translationKey.pattern"))
    .optional(),
});

export type AlertFile = z.infer<typeof alertSchema>;
