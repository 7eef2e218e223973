/**
 * downline: simulate a network-marketing business period by period and compute,
 * exactly, the commissions a compensation plan pays on it.
 *
 * @packageDocumentation
 */
export * from "./money/index.js";
export * from "./random/index.js";
export * from "./validate/index.js";
export * from "./world/index.js";
export * from "./plan/index.js";
export * from "./engine/index.js";
export * from "./analysis/index.js";
export * from "./run/index.js";
export * from "./output/index.js";
