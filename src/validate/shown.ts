/**
 * Values as error messages show them: short, whatever the input. A message
 * never echoes a 100,000-character string or walks a deep object.
 *
 * @module
 */

/** Characters of a value an error message shows before cutting it. */
export const SHOWN_LENGTH = 40;

/**
 * A value as an error message shows it: numbers as JavaScript writes them
 * (`NaN`, `-Infinity`, `1.5`), strings as JSON (or bare with `quote: false`),
 * objects as a few of their entries; a string longer than
 * {@link SHOWN_LENGTH} characters is cut and its length stated.
 *
 * @example
 * shown(NaN) // => "NaN"
 * shown({ a: [1, 2] }) // => '{"a":[1,2]}'
 * shown("x".repeat(100)) // => '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (a string of 100 characters)'
 */
export function shown(value: unknown, options: { quote?: boolean } = {}): string {
  if (typeof value === "string") {
    const quote = (t: string) => (options.quote === false ? t : JSON.stringify(t));
    if (value.length <= SHOWN_LENGTH) return quote(value);
    const head = quote(value.slice(0, SHOWN_LENGTH));
    return options.quote === false
      ? `${head}… (${value.length.toLocaleString("en-US")} characters)`
      : `${head.slice(0, -1)}… (a string of ${value.length.toLocaleString("en-US")} characters)`;
  }
  const text = describe(value, 3);
  return text.length > 2 * SHOWN_LENGTH ? `${text.slice(0, 2 * SHOWN_LENGTH)}…` : text;
}

function describe(value: unknown, depth: number): string {
  switch (typeof value) {
    case "number":
    case "boolean":
    case "undefined":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "string":
      return JSON.stringify(value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH)}…` : value);
    case "symbol":
      return value.toString();
    case "function":
      return "a function";
  }
  if (value === null) return "null";
  if (depth === 0) return Array.isArray(value) ? "[…]" : "{…}";
  // At most a few entries: enough to recognise the value, never a walk of all of it.
  if (Array.isArray(value)) {
    const items = value.slice(0, 4).map((v) => describe(v, depth - 1));
    return `[${items.join(",")}${value.length > 4 ? ",…" : ""}]`;
  }
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  const keys = Object.keys(value as object);
  const entries = keys.slice(0, 4).map((k) => `${JSON.stringify(k.length > SHOWN_LENGTH ? k.slice(0, SHOWN_LENGTH) : k)}:${describe((value as Record<string, unknown>)[k], depth - 1)}`);
  return `{${entries.join(",")}${keys.length > 4 ? ",…" : ""}}`;
}
