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

/**
 * Converts a non-negative amount in major units (`"12.50"` or `12.5`) to integer
 * minor units; `undefined` if it has more digits than the minor unit holds or
 * is too large to be exact in a double.
 *
 * @example
 * toMinor("12.50", 2) // => 1250
 * toMinor("12.505", 2) // => undefined
 */
export function toMinor(value: number | string, digits: number): number | undefined {
  const parsed = parseDecimal(value);
  if (!parsed) return undefined;
  const units = unitsAt(parsed, digits);
  if (units === undefined || units > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(units);
}

/**
 * Writes integer minor units as major-unit text with exactly `digits` decimals.
 *
 * @example
 * formatMinor(123456, 2) // => "1234.56"
 * formatMinor(-5, 2) // => "-0.05"
 */
export function formatMinor(minor: number, digits: number): string {
  const sign = minor < 0 ? "-" : "";
  const text = Math.abs(minor).toString().padStart(digits + 1, "0");
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
