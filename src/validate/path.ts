/**
 * Field paths (`components[2].rates[0]`) and the problems reported at them.
 *
 * @module
 */

/** One problem in an input: where (`components[2].rates[0]`) and what was expected. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `["components", 2, "rates", 0]` → `"components[2].rates[0]"`. A key that is
 * not a plain name (`"a b"`, a control character, a very long key) is written
 * as a quoted index, cut to 64 characters, so a path is always one short line.
 *
 * @example
 * formatPath(["customers", "churn", 0, "monthly"]) // => "customers.churn[0].monthly"
 * formatPath(["components", 0, "x\ny"]) // => 'components[0]["x\\ny"]'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const text = String(key);
      if (IDENTIFIER.test(text) && text.length <= 64) out += out === "" ? text : `.${text}`;
      else out += `[${JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text)}]`;
    }
  }
  return out;
}
