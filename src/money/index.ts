export { decimalText, parseDecimal, unitsAt, type ScaledDecimal } from "./decimal.js";
export {
  roundScaled,
  roundScaledBig,
  roundDecimal,
  ROUNDING_MODES,
  type RoundingMode,
} from "./round.js";
export { minorDigits, isCurrencyCode, toMinor, formatMinor } from "./amount.js";
export { ExactDecimal } from "./exact.js";
export { isoMinorUnit } from "./currencies.js";
