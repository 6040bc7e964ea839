// Validates API responses against the OpenAPI document the portal serves, with ajv
// (JSON Schema 2020-12, the dialect of OpenAPI 3.1): the response schema is looked up
// by path template, status and media type, exactly as a client generator would.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";

interface Doc {
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> } }>;
  components: { schemas: Record<string, object> };
}

export function responseValidator(doc: Doc) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  // The components as one schema, so "#/components/schemas/X" references resolve.
  ajv.addKeyword("components");
  ajv.addSchema({ $id: "openapi.json", components: doc.components });
  return (template: string, status: number, type: string, body: unknown) => {
    const response = doc.paths[template]?.get.responses[String(status)];
    expect(response, `${template} ${status} is documented`).toBeDefined();
    const media = response!.content?.[type];
    expect(media, `${template} ${status} documents ${type}`).toBeDefined();
    const validate = ajv.compile({ $ref: `openapi.json${media!.schema.$ref}` });
    const ok = validate(body);
    expect(ok, JSON.stringify(validate.errors, null, 1)).toBe(true);
  };
}
