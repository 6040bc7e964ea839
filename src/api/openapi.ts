// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas in schemas.ts
// (z.toJSONSchema, draft 2020-12, which OpenAPI 3.1 uses as is): the document cannot
// drift from what the routes send, and the tests validate responses against it.
import { z } from "zod";
import {
  AlertPage,
  AlertsQuery,
  ArticlePage,
  Article,
  ArticlesQuery,
  DistrictList,
  EventPage,
  EventsQuery,
  LangOnlyQuery,
  Problem,
  SearchQuery,
  SearchResults,
  TagList,
  TagsQuery,
  registry,
} from "./schemas.js";

export const API_BASE = "/api/v1";

interface Endpoint {
  readonly path: string;
  readonly summary: string;
  readonly query: z.ZodObject;
  /** Path parameters, described as text. */
  readonly pathParams?: Record<string, string>;
  readonly response: z.ZodType;
  readonly errors: readonly number[];
}

/** Every endpoint; a new one is added here and in routes.ts. */
export const ENDPOINTS: readonly Endpoint[] = [
  { path: "/articles", summary: "Published articles, newest first, in pages linked by a cursor", query: ArticlesQuery, response: ArticlePage, errors: [400] },
  {
    path: "/articles/{lang}/{slug}",
    summary: "One article: every front-matter field, the body as HTML and as text, pictures, translations",
    query: LangOnlyQuery,
    pathParams: { lang: "bg or pl", slug: "The article's address (slug)" },
    response: Article,
    errors: [400, 404],
  },
  {
    path: "/districts",
    summary: "Every district, with names in both languages and article counts",
    query: LangOnlyQuery,
    response: DistrictList,
    errors: [400],
  },
  { path: "/tags", summary: "Tags of one language with their article counts", query: TagsQuery, response: TagList, errors: [400] },
  { path: "/events", summary: "Articles announcing an event, upcoming first, then past", query: EventsQuery, response: EventPage, errors: [400, 404] },
  {
    path: "/alerts",
    summary:
      "Service alerts (water, heating, roads…) of a language: current and upcoming by default, or those of one state; per district with the alerts for every district",
    query: AlertsQuery,
    response: AlertPage,
    errors: [400, 404],
  },
  { path: "/search", summary: "Full-text search, ranked like the site's search page", query: SearchQuery, response: SearchResults, errors: [400, 429, 503] },
];

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const idOf = (schema: z.ZodType) => registry.get(schema)?.id ?? "";

function parameters(e: Endpoint): unknown[] {
  const inPath = Object.entries(e.pathParams ?? {}).map(([name, description]) => ({
    name,
    in: "path",
    required: true,
    description,
    schema: { type: "string" },
  }));
  const inQuery = Object.entries(e.query.shape).map(([name, schema]) => {
    const s = schema as z.ZodType;
    const json = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    delete json.$schema;
    return { name, in: "query", required: !s.safeParse(undefined).success, ...(s.description ? { description: s.description } : {}), schema: json };
  });
  return [...inPath, ...inQuery];
}

let built: object | null = null;

export function openApiDocument(): object {
  if (built) return built;
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  for (const s of Object.values(schemas)) delete s.$schema;
  const problem = { description: "A problem (RFC 9457)", content: { "application/problem+json": { schema: ref(idOf(Problem)) } } };
  const paths = Object.fromEntries(
    ENDPOINTS.map((e) => [
      e.path,
      {
        get: {
          summary: e.summary,
          operationId: e.path.replace(/[{}]/g, "").split("/").filter(Boolean).join("_") || "root",
          parameters: parameters(e),
          responses: {
            200: { description: "OK", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema: ref(idOf(e.response)) } } },
            304: { description: "Not modified (If-None-Match)" },
            ...Object.fromEntries(e.errors.map((status) => [status, problem])),
          },
        },
      },
    ]),
  );
  built = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Municipal news portal API",
      version: "1",
      description: "Read-only news of the districts, in Bulgarian and Polish. v1 never changes incompatibly: fields may be added, none removed or changed.",
      license: { name: "CC BY 4.0", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: API_BASE }],
    paths,
    components: { schemas },
  };
  return built;
}
