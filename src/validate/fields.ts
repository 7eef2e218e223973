/**
 * Field schemas shared by scenarios and plans: exact decimals, money amounts,
 * probabilities.
 *
 * @module
 */
import { z } from "zod";
import { decimalText, MAX_DECIMAL_LENGTH, parseDecimal, type ScaledDecimal } from "../money/decimal.js";
import { shown } from "./shown.js";

/**
 * JSON Schema for field schemas that zod cannot describe itself (custom checks),
 * used when the plan's JSON Schema is generated.
 */
export const JSON_SCHEMA_HINTS = new WeakMap<z.ZodType, Record<string, unknown>>();

/** Most digits after the point a rate may have: keeps exact integer sums far below 2^53. */
export const MAX_RATE_PLACES = 6;

/**
 * An exact decimal in [min, max], given as a string (`"0.05"`) or a number
 * (converted by its shortest decimal form). Output: the decimal's normalised text.
 *
 * @example
 * decimalField({ min: "1", maxPlaces: 2 }).parse("2.50") // => "2.5"
 * decimalField({ min: "1" }).safeParse("0.5").error.issues[0].message // => "expected at least 1, got 0.5"
 */
export function decimalField(options: { min?: string; max?: string; maxPlaces?: number; what?: string } = {}) {
  const { min = "0", max, maxPlaces = MAX_RATE_PLACES, what = 'a decimal string like "0.05"' } = options;
  const show = shown;
  const lower = parseDecimal(min)!;
  const upper = max === undefined ? undefined : parseDecimal(max)!;
  const input = z.custom<string | number>((v) => typeof v === "string" || typeof v === "number", {
    error: (iss) => `expected ${what}, got ${show(iss.input)}`,
  });
  JSON_SCHEMA_HINTS.set(input, {
    description: `${what}: an exact decimal${max === undefined ? ` ≥ ${min}` : ` in [${min}, ${max}]`}, at most ${maxPlaces} digits after the point`,
    anyOf: [
      { type: "string", pattern: `^\\d+(\\.\\d{1,${maxPlaces}})?$` },
      { type: "number", minimum: Number(min), ...(max === undefined ? {} : { maximum: Number(max) }) },
    ],
  });
  return input
    .transform((value, ctx) => {
    // Checked before any parsing: a long string is refused in constant time, and never echoed whole.
    if (typeof value === "string" && value.length > MAX_DECIMAL_LENGTH) {
      ctx.addIssue({ code: "custom", message: `expected ${what} of at most ${MAX_DECIMAL_LENGTH} characters, got ${show(value)}` });
      return z.NEVER;
    }
    const parsed = typeof value === "number" && !Number.isFinite(value) ? undefined : parseDecimal(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: `expected ${what}, got ${show(value)}` });
      return z.NEVER;
    }
    // What messages show: the decimal as read, cut if long (1e300 as a number is 301 digits).
    const text = shown(decimalText(value), { quote: false });
    if (parsed.places > maxPlaces) {
      ctx.addIssue({ code: "custom", message: `expected at most ${maxPlaces} digits after the point, got ${text}` });
      return z.NEVER;
    }
    if (compareScaled(parsed, lower) < 0) {
      ctx.addIssue({ code: "custom", message: `expected at least ${min}, got ${text}` });
      return z.NEVER;
    }
    if (upper !== undefined && compareScaled(parsed, upper) > 0) {
      ctx.addIssue({ code: "custom", message: `expected at most ${max}, got ${text}` });
      return z.NEVER;
    }
    // Last: every decimal that passes is short enough to be read again (`parseDecimal`) wherever it goes.
    const normal = normalise(parsed);
    if (normal.length > MAX_DECIMAL_LENGTH) {
      ctx.addIssue({ code: "custom", message: `expected a decimal of at most ${MAX_DECIMAL_LENGTH} digits, got ${text}` });
      return z.NEVER;
    }
    return normal;
  });
}

/**
 * A rate: an exact decimal in [0, 1], for a custom component's settings.
 *
 * @example
 * rateField().parse("0.050") // => "0.05"
 * rateField().parse(0.1) // => "0.1" (a number by its shortest decimal form)
 */
export const rateField = () => decimalField({ min: "0", max: "1" });

/**
 * A non-negative money amount in major units (`"59.90"`), at most 10,000,000 a
 * piece (so that price × any CV ratio stays exact); its minor-unit fit is
 * checked where the currency is known.
 *
 * @example
 * amountField().parse("59.90") // => "59.9"
 */
export const amountField = () => decimalField({ min: "0", max: "10000000", maxPlaces: 4, what: 'an amount like "59.90"' });

/**
 * A component's name: a letter, then letters, digits, `_` or `-` (it becomes a
 * column name and a CSV field, so it needs no quoting).
 *
 * @example
 * componentName().safeParse("fast-start_2").success // => true
 * componentName().safeParse("fast start").success // => false
 */
export const componentName = () =>
  z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { message: 'expected a name like "unilevel" or "fast-start_2": a letter, then letters, digits, _ or -' });

/** A probability or per-period hazard: a number in [0, 1]. */
export const probabilityField = () => z.number().min(0).max(1);

/** A non-negative finite rate of events per month. */
export const perMonthRate = () => z.number().min(0).max(1000);

/**
 * Checks that a list's names are unique: an entry whose name an earlier
 * entry holds is an issue at `[i, "name"]` naming the first (`what`: the
 * kind of entry, `field`: the list's field). Returns each name's first index.
 *
 * @example
 * z.array(z.object({ name: z.string() })).superRefine((list, ctx) => void uniqueNames(list, ctx, "package", "packages"))
 * // [{ name: "A" }, { name: "A" }] → at [1, "name"]: 'expected a unique package name, but "A" is also packages[0]'s'
 */
export function uniqueNames(list: readonly { readonly name: string }[], ctx: z.RefinementCtx, what: string, field: string): Map<string, number> {
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const first = seen.get(entry.name);
    if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "name"], message: `expected a unique ${what} name, but ${JSON.stringify(entry.name)} is also ${field}[${first}]'s` });
    else seen.set(entry.name, i);
  });
  return seen;
}

function normalise(d: ScaledDecimal): string {
  const digits = d.units.toString().padStart(d.places + 1, "0");
  return d.places === 0 ? digits : `${digits.slice(0, -d.places)}.${digits.slice(-d.places)}`;
}

function compareScaled(x: ScaledDecimal, y: ScaledDecimal): number {
  const places = Math.max(x.places, y.places);
  const xa = x.units * 10n ** BigInt(places - x.places);
  const ya = y.units * 10n ** BigInt(places - y.places);
  return xa < ya ? -1 : xa > ya ? 1 : 0;
}

/**
 * Compares two non-negative decimal texts exactly: −1, 0 or 1.
 *
 * @example
 * compareDecimal("0.10", "0.1") // => 0
 */
export function compareDecimal(a: string, b: string): number {
  return compareScaled(parseDecimal(a)!, parseDecimal(b)!);
}
