export { planSchema, planSchemaFor, compilePlan, activityThreshold, rankLadder, planCaps, isCompiledPlan, type PlanInput, type CompiledPlan, type CompileOptions } from "./plan.js";
export type { ComponentType, CompiledComponent, CompiledRate, CompileContext, FastComponent, FastPeriod } from "./contract.js";
export { ComponentFieldError } from "./contract.js";
export * from "./components/index.js";
export { planJsonSchema } from "./json-schema.js";
export { PRESETS, type PresetName } from "./presets.js";
export { ranksSchema, type RankInput, type CompiledRank } from "./ranks.js";
