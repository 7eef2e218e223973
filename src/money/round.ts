/**
 * Rounding: the only module that turns an exact amount into minor units.
 * Every payout goes through {@link roundScaled} once, per payee, per component,
 * per period, with the plan's rounding mode.
 *
 * @module
 */
import { Decimal } from "decimal.js";

/**
 * The rounding modes a plan may name: `halfEven` (the default, banker's
 * rounding: ties to the even neighbour), `halfUp` (ties away from zero),
 * `down` (toward −∞, i.e. truncation for payouts, which are never negative).
 */
export type RoundingMode = "halfEven" | "halfUp" | "down";

/** The rounding modes, for schemas and help texts. */
export const ROUNDING_MODES: readonly RoundingMode[] = ["halfEven", "halfUp", "down"];

/**
 * Rounds `value / scale` to an integer, where `value` and `scale` are integers
 * held exactly in doubles (|value| < 2^53) and `scale` is positive.
 *
 * Exact for every such value. Below 2^52 in magnitude (every payout), the
 * quotient comes from a floating division, floored: the float quotient can
 * only land on the wrong side of an integer by one, so the remainder
 * `value − q × scale` (an exact integer: the product stays below 2^53) tells
 * and one step corrects it — no `%`, which is a slow library call (fmod) on
 * doubles. Larger values take the remainder from `%`, exact on integers held
 * in doubles, and divide an exact multiple of `scale`.
 *
 * @example
 * roundScaled(125, 10, "halfEven") // => 12  (12.5 → even)
 * roundScaled(135, 10, "halfEven") // => 14  (13.5 → even)
 * roundScaled(125, 10, "halfUp")   // => 13
 * roundScaled(-125, 10, "halfUp")  // => -13
 * roundScaled(129, 10, "down")     // => 12
 */
export function roundScaled(value: number, scale: number, mode: RoundingMode): number {
  let q: number;
  let r: number;
  if (value <= TWO_52 && value >= -TWO_52 && scale <= TWO_52) {
    q = Math.floor(value / scale);
    r = value - q * scale;
    if (r < 0) {
      q -= 1;
      r += scale;
    } else if (r >= scale) {
      q += 1;
      r -= scale;
    }
  } else {
    r = value % scale;
    q = (value - r) / scale;
    if (r < 0) {
      q -= 1;
      r += scale;
    }
  }
  if (r === 0) return q;
  switch (mode) {
    case "down":
      return q;
    case "halfUp":
      // Ties away from zero: up for positive values, toward q for negative ones.
      return 2 * r > scale || (2 * r === scale && q >= 0) ? q + 1 : q;
    case "halfEven": {
      const twice = 2 * r;
      if (twice > scale) return q + 1;
      if (twice < scale) return q;
      return q % 2 === 0 ? q : q + 1;
    }
  }
}

/** 2^52: below it in magnitude, {@link roundScaled} divides in floating point and corrects by one. */
const TWO_52 = 4503599627370496;

/**
 * The same rounding on bigints, for amounts past 2^53 and for the reference
 * engine's checks.
 *
 * @example
 * roundScaledBig(-125n, 10n, "halfEven") // => -12n
 */
export function roundScaledBig(value: bigint, scale: bigint, mode: RoundingMode): bigint {
  let q = value / scale;
  let r = value - q * scale;
  if (r < 0n) {
    q -= 1n;
    r += scale;
  }
  if (r === 0n) return q;
  switch (mode) {
    case "down":
      return q;
    case "halfUp":
      return 2n * r > scale || (2n * r === scale && q >= 0n) ? q + 1n : q;
    case "halfEven": {
      const twice = 2n * r;
      if (twice > scale) return q + 1n;
      if (twice < scale) return q;
      return q % 2n === 0n ? q : q + 1n;
    }
  }
}

/**
 * Rounds `whole + remainder / divisor` to an integer, for an amount held in
 * two parts (a whole number of units and a remainder of finer ones, `0 ≤
 * remainder < divisor`, all integers exact in doubles): what a component that
 * accrues finer than the plan's scale uses, so that products never pass 2^53.
 *
 * @example
 * roundWithRemainder(12, 50, 100, "halfEven") // => 12 (12.5 → even)
 * roundWithRemainder(13, 50, 100, "halfEven") // => 14
 * roundWithRemainder(12, 99, 100, "down")     // => 12
 */
export function roundWithRemainder(whole: number, remainder: number, divisor: number, mode: RoundingMode): number {
  if (remainder === 0) return whole;
  const twice = 2 * remainder;
  switch (mode) {
    case "down":
      return whole;
    case "halfUp":
      return twice >= divisor ? whole + 1 : whole;
    case "halfEven":
      if (twice > divisor) return whole + 1;
      if (twice < divisor) return whole;
      return whole % 2 === 0 ? whole : whole + 1;
  }
}

const DECIMAL_MODE: Record<RoundingMode, Decimal.Rounding> = {
  halfEven: Decimal.ROUND_HALF_EVEN,
  halfUp: Decimal.ROUND_HALF_UP,
  down: Decimal.ROUND_FLOOR,
};

/**
 * The same rounding on a decimal.js value, to an integer: what the reference
 * engine uses, so that both engines round by one rule defined here.
 *
 * @example
 * roundDecimal(new Decimal("12.5"), "halfEven").toNumber() // => 12
 */
export function roundDecimal(value: Decimal, mode: RoundingMode): Decimal {
  return value.toDecimalPlaces(0, DECIMAL_MODE[mode]);
}

/**
 * The same rounding on a decimal.js value, to `places` digits after the point
 * (of a minor unit): the reference side of amounts carried at the plan's scale.
 *
 * @example
 * roundDecimalPlaces(new Decimal("4.125"), 2, "halfEven").toString() // => "4.12"
 */
export function roundDecimalPlaces(value: Decimal, places: number, mode: RoundingMode): Decimal {
  return value.toDecimalPlaces(places, DECIMAL_MODE[mode]);
}
