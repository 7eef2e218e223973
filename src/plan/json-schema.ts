/**
 * The JSON Schema of plan files, generated from the same zod schemas that
 * validate them, so editors autocomplete and check plans as they are written.
 * (`schema/plan.schema.json` is this, for the built-in components; a test keeps
 * it current.)
 *
 * @module
 */
import { z } from "zod";
import { JSON_SCHEMA_HINTS } from "../validate/fields.js";
import type { AnyComponentType } from "./contract.js";
import { BUILT_IN_COMPONENTS } from "./components/index.js";
import { planSchemaFor } from "./plan.js";

type JsonObject = Record<string, unknown>;

function toJson(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const hint = JSON_SCHEMA_HINTS.get(ctx.zodSchema as unknown as z.ZodType);
      if (hint) Object.assign(ctx.jsonSchema, hint);
    },
  }) as JsonObject;
  delete json.$schema;
  return json;
}

/**
 * The plan-file JSON Schema (draft 2020-12) for the built-in components and any
 * custom ones.
 *
 * @example
 * planJsonSchema().properties.components.items.oneOf.length // => number of component types
 */
export function planJsonSchema(custom: readonly AnyComponentType[] = []): JsonObject {
  const types = [...BUILT_IN_COMPONENTS, ...custom];
  const plan = toJson(planSchemaFor(types));
  const properties = plan.properties as JsonObject;
  properties.components = {
    type: "array",
    minItems: 1,
    maxItems: 64,
    items: { oneOf: types.map((t) => toJson(t.schema)) },
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://github.com/downline/downline/schema/plan.schema.json",
    title: "downline plan",
    description: "A compensation plan for downline: activity rule, rank ladder, components (in order), caps.",
    ...plan,
  };
}
