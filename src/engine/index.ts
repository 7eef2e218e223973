export { createFastEngine } from "./fast.js";
export { createReferenceEngine, REFERENCE_RULES } from "./reference/index.js";
export type { ReferenceRule, ReferenceMember, ReferencePeriod, ReferenceAccrual } from "./reference/index.js";
export type { PeriodPayout, PlanEngine, EngineOptions } from "./payout.js";
export { DEFAULT_PLAN } from "./default-plan.js";
