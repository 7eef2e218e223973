export { planSchema, planSchemaFor, compilePlan, isCompiledPlan, type PlanInput, type CompiledPlan, type CompileOptions } from "./plan.js";
export type {
  AnyComponentType,
  ComponentType,
  CompiledComponent,
  CompiledRate,
  CompileContext,
  FastKernel,
  FastPeriod,
  ReferenceRule,
  ReferenceMember,
  ReferencePeriod,
  ReferenceAccrual,
  RenamedField,
} from "./contract.js";
export { ComponentFieldError, defineComponent } from "./contract.js";
export { BUILT_IN_COMPONENTS } from "./components/index.js";
export { planJsonSchema } from "./json-schema.js";
export { PRESETS, type PresetName } from "./presets.js";
export { ranksSchema, type RankInput, type CompiledRank } from "./ranks.js";
export { rankTable } from "./rank-table.js";
