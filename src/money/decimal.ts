/**
 * Exact decimal text: parsing rates and amounts given as strings (`"0.05"`) or
 * plain numbers (converted through their shortest decimal form, so `0.1` is
 * exactly one tenth, never 0.1000000000000000055…).
 *
 * @module
 */

/**
 * Longest decimal string {@link parseDecimal} reads, in characters (before
 * trimming): a rate or an amount needs at most about 20, so a longer text is
 * refused before any work rather than turned into a huge bigint.
 */
export const MAX_DECIMAL_LENGTH = 64;

/** A non-negative exact decimal as an integer numerator over a power of ten. */
export interface ScaledDecimal {
  /** The digits without the point, as a bigint: `"0.05"` → `5n`. */
  readonly units: bigint;
  /** How many digits follow the point: `"0.05"` → `2`. */
  readonly places: number;
}

/**
 * The shortest decimal text of a number that is finite and non-negative,
 * without exponent notation.
 *
 * @example
 * decimalText(0.1) // => "0.1"
 * decimalText(1e-7) // => "0.0000001"
 */
export function decimalText(value: number | string): string {
  if (typeof value === "string") return value.trim();
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  const exp = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  const [, sign, lead, frac = "", e] = exp;
  const digits = lead + frac;
  const point = 1 + Number(e);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Parses a non-negative decimal (`"12.50"`, `0.05`) exactly; `undefined` when the
 * text is not a plain non-negative decimal, or is a string longer than
 * {@link MAX_DECIMAL_LENGTH} characters. One linear scan: no regular
 * expression can backtrack on a long run of zeros.
 *
 * @example
 * parseDecimal("0.05") // => { units: 5n, places: 2 }
 * parseDecimal("0." + "0".repeat(100_000) + "1") // => undefined (too long)
 */
export function parseDecimal(value: number | string): ScaledDecimal | undefined {
  if (typeof value === "string" && value.length > MAX_DECIMAL_LENGTH) return undefined;
  const text = decimalText(value);
  const n = text.length;
  let point = -1;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 /* . */ && point < 0) point = k;
    else if (c < 48 || c > 57) return undefined;
  }
  // Digits before the point, and at least one after it when there is one.
  if (point === 0 || point === n - 1 || n === 0) return undefined;
  if (point < 0) return { units: BigInt(text), places: 0 };
  let end = n;
  while (end > point + 1 && text.charCodeAt(end - 1) === 48) end -= 1;
  const frac = text.slice(point + 1, end);
  return { units: BigInt(text.slice(0, point) + frac), places: frac.length };
}

/**
 * Rescales an exact decimal to `places` digits after the point; `undefined` if
 * it has more digits than that (it cannot be represented without rounding).
 *
 * @example
 * unitsAt({ units: 5n, places: 2 }, 4) // => 500n
 */
export function unitsAt(value: ScaledDecimal, places: number): bigint | undefined {
  if (value.places > places) return undefined;
  return value.units * 10n ** BigInt(places - value.places);
}
