export { DownlineInputError, checkShape, formatPath, parseWith, MAX_SCHEMA_ISSUES, type InputIssue } from "./errors.js";
export { shapeIssues, INPUT_LIMITS, MAX_SHAPE_ISSUES, type ShapeLimits } from "./shape.js";
export { shown } from "./shown.js";
export { componentName, compareDecimal, decimalField, rateField, amountField, probabilityField, perMonthRate, MAX_RATE_PLACES } from "./fields.js";
export { parseJsonText, jsonDepthExceeded, MAX_INPUT_FILE_BYTES } from "./json.js";
