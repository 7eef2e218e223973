/**
 * Option values as the command line reads them: whole numbers, seeds,
 * choices, windows. Every bad value is a `DownlineInputError` naming the
 * option (`--seeds: expected a whole number from 1 to 100,000, got "x"`).
 *
 * @module
 */
import type { Window } from "../analysis/windows.js";
import { DownlineInputError } from "../validate/errors.js";

const bad = (flag: string, message: string): never => {
  throw new DownlineInputError("options", [{ path: flag, message }]);
};
const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A whole number within [min, max], or undefined when not given. */
export function wholeNumber(value: string | undefined, flag: string, min = 0, max = 999_999_999): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) return bad(flag, `expected a whole number, got ${quoted(value)}`);
  const n = Number(value);
  if (n < min || n > max) return bad(flag, `expected a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}, got ${n}`);
  return n;
}

/**
 * A seed: a canonical safe integer is a number seed; anything else ("007",
 * "9007199254740993") stays text, so distinct texts never collide.
 */
export function seedOption(text: string | undefined, flag = "--seed"): number | string | undefined {
  if (text === undefined) return undefined;
  if (text.length === 0 || text.length > 1000) return bad(flag, `expected a seed of 1 to 1,000 characters, got ${text.length}`);
  return /^(0|-?[1-9]\d{0,15})$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

/** One of `choices`, or the default. */
export function choice<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) return bad(flag, `expected ${choices.map((c) => JSON.stringify(c)).join(", ").replace(/, ([^,]*)$/, " or $1")}, got ${quoted(value)}`);
  return value as T;
}

/** The output formats. */
export const FORMATS = ["table", "md", "csv", "json"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * A window: `last-year` (default), `first-year`, `run`, `year:N` (the N-th
 * year, from 1) or `periods:A-B` (periods A to B, numbered from 0, B included).
 */
export function windowOption(value: string | undefined, flag = "--window"): Window {
  if (value === undefined || value === "last-year") return "lastYear";
  if (value === "first-year") return "firstYear";
  if (value === "run") return "run";
  const year = /^year:(\d{1,4})$/.exec(value);
  if (year && Number(year[1]) >= 1) return { year: Number(year[1]) - 1 };
  const range = /^periods:(\d{1,6})-(\d{1,6})$/.exec(value);
  if (range && Number(range[1]) <= Number(range[2])) return { from: Number(range[1]), to: Number(range[2]) + 1 };
  return bad(flag, `expected last-year, first-year, run, year:N (N from 1) or periods:A-B (numbered from 0), got ${quoted(value)}`);
}

/** Seeds `first`, `first + 1`, … (`count` of them); a text seed gives `seed-1`, `seed-2`, …. */
export function seedList(count: number, first: number | string | undefined): (number | string)[] {
  if (first === undefined) return Array.from({ length: count }, (_, k) => k + 1);
  if (typeof first === "number") {
    if (!Number.isSafeInteger(first + count - 1)) return bad("--seed", `expected a first seed such that all ${count} seeds are safe integers (at most ${Number.MAX_SAFE_INTEGER - count + 1}), got ${first}`);
    return Array.from({ length: count }, (_, k) => first + k);
  }
  return Array.from({ length: count }, (_, k) => (count === 1 ? first : `${first}-${k + 1}`));
}
