/**
 * Amounts of money as integer minor units (cents for USD), and their text.
 *
 * @module
 */
import { isoMinorUnit } from "./currencies.js";
import { parseDecimal, unitsAt } from "./decimal.js";

/**
 * How many digits the currency's minor unit has, per ISO 4217 (USD 2, JPY 0,
 * BHD 3); throws for an unknown code.
 *
 * @example
 * minorDigits("USD") // => 2
 * minorDigits("JPY") // => 0
 */
export function minorDigits(currency: string): number {
  const digits = isoMinorUnit(currency);
  if (digits === undefined) throw new RangeError(`downline/money: unknown currency ${JSON.stringify(currency)}`);
  return digits;
}

/** Whether `code` is an active ISO 4217 currency code with a minor unit. */
export function isCurrencyCode(code: string): boolean {
  return isoMinorUnit(code) !== undefined;
}

/** Most minor-unit digits the money functions take: ISO 4217 needs at most 4. */
export const MAX_MINOR_DIGITS = 18;

/** Throws unless `digits` is a whole number of minor-unit digits (0–18). */
function checkDigits(fn: string, digits: unknown): void {
  if (!Number.isInteger(digits) || (digits as number) < 0 || (digits as number) > MAX_MINOR_DIGITS) {
    throw new RangeError(`downline/money: ${fn}: digits: expected a whole number from 0 to ${MAX_MINOR_DIGITS}, got ${shownValue(digits)}`);
  }
}

/** A value as an error message shows it: numbers as JavaScript writes them (NaN, 1.5), others as JSON, long texts cut. */
function shownValue(v: unknown): string {
  const text = typeof v === "number" || typeof v === "bigint" || v === undefined ? String(v) : typeof v === "string" ? JSON.stringify(v) : Object.prototype.toString.call(v);
  return text.length > 40 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
}

/**
 * Converts a non-negative amount in major units (`"12.50"` or `12.5`) to integer
 * minor units; `undefined` if it is not a plain non-negative decimal, has more
 * digits than the minor unit holds, or is too large to be exact in a double.
 * Throws a `RangeError` when `digits` is not a whole number from 0 to 18.
 *
 * @example
 * toMinor("12.50", 2) // => 1250
 * toMinor("12.505", 2) // => undefined
 */
export function toMinor(value: number | string, digits: number): number | undefined {
  checkDigits("toMinor", digits);
  const parsed = parseDecimal(value);
  if (!parsed) return undefined;
  const units = unitsAt(parsed, digits);
  if (units === undefined || units > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(units);
}

/**
 * Writes integer minor units as major-unit text with exactly `digits` decimals.
 * Amounts are whole minor units: a fraction, NaN, ±Infinity or an integer
 * beyond 2^53 − 1 (where doubles stop being exact) is refused with a
 * `RangeError` rather than written wrongly; round first (`roundScaled`).
 *
 * @example
 * formatMinor(123456, 2) // => "1234.56"
 * formatMinor(-5, 2) // => "-0.05"
 * formatMinor(12345.678, 2) // throws RangeError: downline/money: formatMinor: minor: expected whole minor units (a safe integer), got 12345.678
 */
export function formatMinor(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`downline/money: formatMinor: minor: expected whole minor units (a safe integer), got ${shownValue(minor)}`);
  }
  checkDigits("formatMinor", digits);
  return formatMinorUnchecked(minor, digits);
}

/** {@link formatMinor} without its checks: `minor` a safe integer, `digits` 0–18. */
export function formatMinorUnchecked(minor: number, digits: number): string {
  const sign = minor < 0 ? "-" : "";
  const text = Math.abs(minor).toString().padStart(digits + 1, "0");
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
