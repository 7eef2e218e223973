/**
 * The decimal class of the reference engine and of compiled rates: decimal.js
 * with 100 significant digits, so that a product of a rate (≤ 7 digits) and an
 * amount (< 2^53, 16 digits) and sums of such products are exact. A clone, so
 * the caller's own `Decimal` settings are never touched.
 *
 * @module
 */
import { Decimal } from "decimal.js";

/**
 * decimal.js at 100 significant digits: what reference rules (built-in and
 * custom) compute with, so that a rate times an amount, and sums of such
 * products, are exact.
 *
 * @example
 * new ExactDecimal("0.07").times(123_456_789_012_345).toFixed() // => "8641975230864.15"
 */
export const ExactDecimal = Decimal.clone({ precision: 100 });
