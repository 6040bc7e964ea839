// What a reader chose: the one shape the form, the database and the matching share.
import { z } from "zod";

export const SCOPES = ["all", "alerts"] as const;
export const FREQUENCIES = ["immediately", "daily", "weekly"] as const;

export type Scope = (typeof SCOPES)[number];
export type Frequency = (typeof FREQUENCIES)[number];

export interface Choices {
  readonly districts: readonly string[];
  readonly topics: readonly string[];
  readonly scope: Scope;
  readonly frequency: Frequency;
}

/** As stored (JSON in subscribers.pending); validated again when read back. */
export const choicesSchema = z.object({
  districts: z.array(z.string()).min(1),
  topics: z.array(z.string()),
  scope: z.enum(SCOPES),
  frequency: z.enum(FREQUENCIES),
});
