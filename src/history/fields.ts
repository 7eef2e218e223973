/**
 * Reading one field of a history file: amounts, flags, slots. Each reader
 * returns a value, or `NaN`/`-1` for a bad one, and its companion says why,
 * in the words of an issue (`expected …, got …`). Hot: millions of calls, no
 * regular expression and no allocation on the happy path.
 *
 * @module
 */

/**
 * A non-negative amount in major units (`"39"`, `"39.5"`, `"39.50"`) as integer
 * minor units; `NaN` when it is not one, has more non-zero decimals than the
 * currency's `digits`, or is beyond exact range (2^53).
 *
 * @example
 * parseMinor("39.50", 2) // => 3950
 * parseMinor("39.505", 2) // => NaN
 * parseMinor("39.500", 2) // => 3950
 */
export function parseMinor(text: string, digits: number): number {
  return parseMinorAt(text, 0, text.length, digits);
}

/** {@link parseMinor} of `text[from .. n)`, without the substring. */
export function parseMinorAt(text: string, from: number, n: number, digits: number): number {
  if (n === from) return NaN;
  let units = 0;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    units = units * 10 + c;
  }
  if (i === from) return NaN;
  let places = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 /* . */ || i === n - 1) return NaN;
    for (i += 1; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return NaN;
      if (places < digits) {
        units = units * 10 + c;
        places += 1;
      } else if (c !== 0) return NaN;
    }
  }
  for (; places < digits; places++) units *= 10;
  return units <= Number.MAX_SAFE_INTEGER ? units : NaN;
}

/** Why {@link parseMinor} refused `text`. */
export function amountProblem(text: string, digits: number, currency: string): string {
  if (text === "") return "expected an amount, got nothing";
  if (/^-\d/.test(text)) return `expected a non-negative amount, got ${text}`;
  if (/^\d+(\.\d+)?$/.test(text)) {
    return text.includes(".") && text.split(".")[1]!.replace(/0+$/, "").length > digits
      ? `expected at most ${digits} decimals for ${currency}, got ${text}`
      : `expected an amount below 2^53 minor units, got ${text}`;
  }
  return `expected an amount like 39.50, got ${JSON.stringify(text)}`;
}

/**
 * A yes/no flag: `1`, `true`, `yes`, `y`, `t` (any case) are 1; `0`, `false`,
 * `no`, `n`, `f` and the empty field are 0; anything else -1.
 *
 * @example
 * parseFlag("TRUE") // => 1
 * parseFlag("") // => 0
 * parseFlag("maybe") // => -1
 */
export function parseFlag(text: string): number {
  if (text === "" || text === "0") return 0;
  if (text === "1") return 1;
  switch (text.toLowerCase()) {
    case "true":
    case "yes":
    case "y":
    case "t":
      return 1;
    case "false":
    case "no":
    case "n":
    case "f":
      return 0;
    default:
      return -1;
  }
}

/**
 * A slot under a placement parent: `0` … `width − 1`; in a binary tree (width
 * 2) also `L`/`left` (0) and `R`/`right` (1), any case. -1 for anything else.
 *
 * @example
 * parseSlot("R", 2) // => 1
 * parseSlot("2", 3) // => 2
 * parseSlot("2", 2) // => -1
 */
export function parseSlot(text: string, width: number): number {
  if (width === 2) {
    switch (text.toLowerCase()) {
      case "l":
      case "left":
        return 0;
      case "r":
      case "right":
        return 1;
    }
  }
  if (!/^\d{1,3}$/.test(text)) return -1;
  const slot = Number(text);
  return slot < width ? slot : -1;
}
