/**
 * Plan and scenario files read safely: at most 1 MiB read (a FIFO or
 * /dev/zero cannot feed it forever), UTF-8 checked, a byte-order mark
 * dropped, nesting depth scanned before parsing; and a file given without
 * --plan or --scenario told apart by its keys.
 *
 * @module
 */
import { closeSync, openSync, readSync } from "node:fs";
import { DownlineInputError } from "../validate/errors.js";
import { MAX_INPUT_FILE_BYTES, parseJsonText } from "../validate/json.js";
import { shown } from "../validate/shown.js";

const n = (x: number) => x.toLocaleString("en-US");

/** The first `max + 1` bytes of a file at most: enough to know it is too long. */
function readBounded(file: string, max: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= max) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, max + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a plan or scenario file (`what`) as JSON; every problem is a
 * `DownlineInputError` whose path is the file: cannot be read, over 1 MiB,
 * not UTF-8, nested deeper than 64 levels, not JSON.
 */
export function readInputFile(file: string, what: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readBounded(file, MAX_INPUT_FILE_BYTES);
  } catch (e) {
    throw new DownlineInputError(what, [{ path: file, message: `cannot read the file (${(e as Error).message})` }]);
  }
  if (bytes.length > MAX_INPUT_FILE_BYTES) {
    throw new DownlineInputError(what, [{ path: file, message: `expected a file of at most ${n(MAX_INPUT_FILE_BYTES)} bytes, got more` }]);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DownlineInputError(what, [{ path: file, message: "expected UTF-8 text, got bytes that are not" }]);
  }
  return parseJsonText(text, what, file);
}

/** Keys only a plan has. */
const PLAN_KEYS = ["components", "rounding", "activity", "ranks", "caps", "$schema"];
/** Keys only a scenario has (`name` is both's). */
const SCENARIO_KEYS = ["currency", "months", "period", "start", "market", "recruitment", "customers", "distributors", "placement", "cvRatio"];

/**
 * Whether a file given without `--plan` or `--scenario` is a plan or a
 * scenario, by its top-level keys: a plan has `components` (or another key
 * only plans have: rounding, activity, ranks, caps); a scenario has one of
 * currency, months, period, start, market, recruitment, customers,
 * distributors, placement, cvRatio. Neither, or both, is an error naming the
 * file.
 *
 * @example
 * inputKind({ components: [] }, "p.json") // => "plan"
 * inputKind({ months: 12 }, "s.json") // => "scenario"
 */
export function inputKind(value: unknown, file: string): "plan" | "scenario" {
  const fail = (message: string): never => {
    throw new DownlineInputError("options", [{ path: file, message }]);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail(`expected a plan or a scenario (a JSON object), got ${Array.isArray(value) ? "an array" : shown(value)}`);
  }
  const keys = Object.keys(value);
  const plan = keys.filter((k) => PLAN_KEYS.includes(k));
  const scenario = keys.filter((k) => SCENARIO_KEYS.includes(k));
  if (plan.length > 0 && scenario.length > 0) {
    return fail(`cannot tell a plan from a scenario: it has plan keys (${plan.join(", ")}) and scenario keys (${scenario.join(", ")}); give it with --plan or --scenario`);
  }
  if (plan.length > 0) return "plan";
  if (scenario.length > 0) return "scenario";
  return fail(`cannot tell a plan from a scenario: a plan has "components", a scenario one of ${SCENARIO_KEYS.join(", ")}; give it with --plan or --scenario`);
}
