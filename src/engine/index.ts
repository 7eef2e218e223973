export { createFastEngine } from "./fast.js";
export { createReferenceEngine } from "./reference/index.js";
export type { PeriodPayout, PlanEngine, EngineOptions } from "./payout.js";
export { DEFAULT_PLAN } from "./default-plan.js";
