/**
 * Input errors: one class for every rejected scenario, plan, or data file, with
 * the field path of each problem.
 *
 * @module
 */
import type { z } from "zod";
import { formatPath, type InputIssue } from "./path.js";
import { shapeIssues, type ShapeLimits } from "./shape.js";
import { shown } from "./shown.js";

export { formatPath, type InputIssue } from "./path.js";

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
    // One line per problem, whatever a path or a message holds.
    super(issues.map((i) => oneLine(`downline/${source}: ${i.path || "(root)"}: ${i.message}`)).join("\n"));
  }
}

/** Control characters (a newline in a key, say) written as escapes: a problem is always one line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Throws a {@link DownlineInputError} if `input`'s shape is out of bounds
 * (see `shapeIssues`: nesting depth, cycles, sizes, prototype keys). Run
 * before anything else reads the input.
 */
export function checkShape(source: string, input: unknown, limits?: ShapeLimits): void {
  const issues = shapeIssues(input, limits);
  if (issues.length > 0) throw new DownlineInputError(source, issues);
}

/**
 * Parses `input` with `schema`; throws a {@link DownlineInputError} naming every
 * bad field. The input's shape is checked first ({@link checkShape}): no
 * schema ever walks a cycle, a 50,000-level nesting or a prototype key.
 */
export function parseWith<S extends z.ZodType>(source: string, schema: S, input: unknown): z.output<S> {
  checkShape(source, input);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, MAX_SCHEMA_ISSUES).map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
  const more = result.error.issues.length - issues.length;
  if (more > 0) issues.push({ path: "", message: `and ${more.toLocaleString("en-US")} more problem${more === 1 ? "" : "s"}` });
  throw new DownlineInputError(source, issues);
}

/** Schema problems listed at most per error (10,000 bad rates are one fix, not 10,000 lines). */
export const MAX_SCHEMA_ISSUES = 50;

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const listed = issue.keys.slice(0, 10).map((k) => shown(k));
    return `unknown key(s) ${listed.join(", ")}${issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : ""}`;
  }
  return issue.message;
}
