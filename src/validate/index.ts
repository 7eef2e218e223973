export { DownlineInputError, formatPath, parseWith, type InputIssue } from "./errors.js";
export { componentName, compareDecimal, decimalField, rateField, amountField, probabilityField, perMonthRate, MAX_RATE_PLACES } from "./fields.js";
