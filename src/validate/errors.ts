/**
 * Input errors: one class for every rejected scenario, plan, or data file, with
 * the field path of each problem.
 *
 * @module
 */
import type { z } from "zod";

/** One problem in an input: where (`components[2].rates[0]`) and what was expected. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown before any work when an input is malformed. Its message lists every
 * problem as `downline/<what>: <path>: <message>`.
 *
 * @example
 * try { compilePlan({ components: [{ type: "unilevel", rates: [-3] }] }) }
 * catch (e) { (e as DownlineInputError).issues[0].path } // => "components[0].rates[0]"
 */
export class DownlineInputError extends Error {
  override readonly name = "DownlineInputError";
  constructor(
    /** What was being read: `"plan"`, `"scenario"`, `"options"`. */
    readonly source: string,
    readonly issues: readonly InputIssue[],
  ) {
    super(issues.map((i) => `downline/${source}: ${i.path || "(root)"}: ${i.message}`).join("\n"));
  }
}

/** `["components", 2, "rates", 0]` → `"components[2].rates[0]"`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Parses `input` with `schema`; throws a {@link DownlineInputError} naming every
 * bad field. Inputs are first checked for prototype-polluting keys.
 */
export function parseWith<S extends z.ZodType>(source: string, schema: S, input: unknown): z.output<S> {
  const polluted = findPrototypeKeys(input);
  if (polluted.length > 0) {
    throw new DownlineInputError(
      source,
      polluted.map((path) => ({ path, message: "keys named __proto__, constructor or prototype are not allowed" })),
    );
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DownlineInputError(
    source,
    result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) })),
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
  return issue.message;
}

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** Paths of `__proto__`/`constructor`/`prototype` keys anywhere in a JSON-like value (iterative). */
function findPrototypeKeys(input: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, PropertyKey[]]> = [[input, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    for (const key of Object.getOwnPropertyNames(value)) {
      if (FORBIDDEN.has(key)) found.push(formatPath([...path, key]));
      else stack.push([(value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]]);
    }
  }
  return found.sort();
}
