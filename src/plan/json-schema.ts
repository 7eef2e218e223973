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
    items: { oneOf: types.map((t) => withRenamedFields(toJson(t.schema), t)) },
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://github.com/downline/downline/schema/plan.schema.json",
    title: "downline plan",
    description: "A compensation plan for downline: activity rule, rank ladder, components (in order), caps.",
    ...plan,
  };
}

/**
 * Adds each renamed field under its old name, with the new field's schema and
 * `deprecated: true`, so that an editor strikes it through rather than flagging
 * a plan the library still accepts.
 */
function withRenamedFields(json: JsonObject, type: AnyComponentType): JsonObject {
  for (const { from, to, until } of type.renamed ?? []) {
    const fromPath = from.split(".");
    const target = schemaAt(json, to.split("."));
    const parent = schemaAt(json, fromPath.slice(0, -1));
    if (!parent) continue;
    const properties = (parent.properties ??= {}) as JsonObject;
    const oldName = fromPath[fromPath.length - 1]!;
    properties[oldName] = {
      ...(target ? withoutDefault(target) : {}),
      deprecated: true,
      description: `Deprecated: write ${JSON.stringify(to)} instead (the old name is accepted until version ${until}.x).`,
    };
    // A required field renamed within the same object: either name satisfies it.
    const toPath = to.split(".");
    const newName = toPath[toPath.length - 1]!;
    const required = parent.required as string[] | undefined;
    if (toPath.length === fromPath.length && toPath.slice(0, -1).join(".") === fromPath.slice(0, -1).join(".") && required?.includes(newName)) {
      parent.required = required.filter((r) => r !== newName);
      parent.anyOf = [{ required: [newName] }, { required: [oldName] }];
    }
  }
  return json;
}

/** The schema of the property at `path` (through nested objects' `properties`), if there is one. */
function schemaAt(json: JsonObject, path: readonly string[]): JsonObject | undefined {
  let at: JsonObject | undefined = json;
  for (const key of path) {
    const properties = at?.properties as JsonObject | undefined;
    at = properties?.[key] as JsonObject | undefined;
  }
  return at;
}

function withoutDefault(schema: JsonObject): JsonObject {
  const { default: _default, ...rest } = schema;
  return rest;
}
