export { planSchema, planSchemaFor, compilePlan, activityThreshold, rankLadder, planCaps, isCompiledPlan, type PlanInput, type CompiledPlan, type CompileOptions } from "./plan.js";
export type { ComponentType, CompiledComponent, CompiledRate, CompileContext, FastComponent, FastPeriod } from "./contract.js";
export { ComponentFieldError } from "./contract.js";
export { BUILT_IN_COMPONENTS, customerCommission, unilevel, type CustomerCommissionSettings, type UnilevelSettings } from "./components/index.js";
export { planJsonSchema } from "./json-schema.js";
