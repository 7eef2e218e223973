/**
 * JSON text read safely: size and nesting depth bounded by one linear scan
 * before `JSON.parse` (which recurses, and would otherwise build whatever a
 * 100 KB file of 50,000 `[` describes before anything could check it).
 *
 * @module
 */
import { DownlineInputError } from "./errors.js";
import { INPUT_LIMITS } from "./shape.js";

/** Largest plan or scenario file read, in bytes (1 MiB): a real one is a few kilobytes. */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024;

const n = (x: number) => x.toLocaleString("en-US");

/**
 * Where nesting first goes deeper than `maxDepth` in a JSON text (`[` and `{`
 * outside strings), as a 1-based line and column; `undefined` if it never
 * does. Linear, no recursion, no allocation.
 *
 * @example
 * jsonDepthExceeded("[[[1]]]", 2) // => { line: 1, column: 3 }
 * jsonDepthExceeded('{"a": "[[["}', 2) // => undefined (brackets in strings do not nest)
 */
export function jsonDepthExceeded(text: string, maxDepth: number): { line: number; column: number } | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (inString) {
      if (c === 92 /* \ */) k += 1;
      else if (c === 34 /* " */) inString = false;
      else if (c === 10) {
        line += 1;
        lineStart = k + 1;
      }
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth += 1;
      if (depth > maxDepth) return { line, column: k - lineStart + 1 };
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth -= 1;
    else if (c === 10) {
      line += 1;
      lineStart = k + 1;
    }
  }
  return undefined;
}

/**
 * Parses the JSON text of a plan or scenario (`what`) read from `where` (a
 * file name, for messages): a leading byte-order mark is dropped, a text over
 * {@link MAX_INPUT_FILE_BYTES} or nested deeper than the input limit (64) is
 * refused before parsing, and a syntax error names the file. Every refusal is
 * a {@link DownlineInputError} whose path is `where`.
 *
 * @example
 * parseJsonText('\uFEFF{"months": 12}', "scenario", "s.json") // => { months: 12 }
 * parseJsonText("[".repeat(50_000), "plan", "p.json") // throws: downline/plan: p.json: expected JSON nested at most 64 levels deep, got deeper at line 1, column 65
 */
export function parseJsonText(text: string, what: string, where: string): unknown {
  const fail = (message: string): never => {
    throw new DownlineInputError(what, [{ path: where, message }]);
  };
  // UTF-16 units: at most 1 MiB of text, whatever its bytes were.
  if (text.length > MAX_INPUT_FILE_BYTES) fail(`expected a file of at most ${n(MAX_INPUT_FILE_BYTES)} bytes, got ${n(text.length)} characters`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = jsonDepthExceeded(body, INPUT_LIMITS.maxDepth);
  if (deep) fail(`expected JSON nested at most ${INPUT_LIMITS.maxDepth} levels deep, got deeper at line ${deep.line}, column ${deep.column}`);
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    return fail(`expected JSON (${(e as Error).message})`);
  }
}
