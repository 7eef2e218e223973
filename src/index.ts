/**
 * downline: simulate a network-marketing business period by period and compute,
 * exactly, the commissions a compensation plan pays on it.
 *
 * The public API, by name: every name below is deliberate (test/api.test.ts
 * lists them, so an addition is a decision, not an accident of `export *`).
 * Internals stay importable from their module paths inside the repository,
 * for tests and benchmarks; they are not part of the package's API.
 *
 * @packageDocumentation
 */

// The runner: a seeded world paid under one or several plans.
export { simulate, type SimulateOptions } from "./run/simulate.js";
export { simulatePlans, type SimulatePlansOptions } from "./run/simulate-plans.js";
export type { PlansPeriodListener } from "./run/prepared-run.js";

// Collectors and what a run returns.
export type { Collector, CollectorFactory, CollectorFactories, CollectorResults, CollectorSetup, PeriodView } from "./analysis/collector.js";
export { reporter } from "./analysis/reporter.js";
export type { SimulationResult } from "./analysis/result.js";
export type { PeriodRow } from "./analysis/period-rows.js";
export type { MemberColumns } from "./analysis/member-totals.js";
export { memberRowsOf, type MemberRow } from "./analysis/member-rows.js";
export { ledgerLines, type Ledger, type LedgerChunk, type LedgerLine } from "./analysis/ledger.js";

// Writers: CSV and JSON, as text or as pieces to write one by one.
export { periodsCsvPieces, periodsToCsv, type PeriodsOf } from "./output/period-csv.js";
export { periodsToJson } from "./output/period-json.js";
export { membersCsvPieces } from "./output/member-csv.js";
export { ledgerCsvPieces, ledgerToCsv } from "./output/ledger-csv.js";

// Engines: one period's payout under a plan.
export { createFastEngine } from "./engine/fast.js";
export { createReferenceEngine } from "./engine/reference/reference.js";
export type { PeriodPayout, PlanEngine, EngineOptions } from "./engine/payout.js";
export { DEFAULT_PLAN } from "./engine/default-plan.js";

// Plans: data, compiled once; presets; the JSON Schema; the custom-component contract.
export { compilePlan, type PlanInput, type CompiledPlan, type CompileOptions } from "./plan/plan.js";
export { PRESETS, type PresetName } from "./plan/presets.js";
export { planJsonSchema } from "./plan/json-schema.js";
export type { RankInput, CompiledRank } from "./plan/ranks.js";
export type { MeasureInput, CompiledMeasure } from "./plan/measures.js";
export { basisField, type VolumeKind } from "./plan/volume.js";
export {
  rateTableField,
  rateTableTexts,
  compileRateTable,
  rateRow,
  scaledRate,
  exactRate,
  referenceRate,
  columnValues,
  type CompiledRateTable,
  type RateTableInput,
} from "./plan/rate-tables.js";
export {
  ComponentFieldError,
  defineComponent,
  type AnyComponentType,
  type ComponentType,
  type CompiledComponent,
  type CompiledRate,
  type CompileContext,
  type FastKernel,
  type FastPeriod,
  type ReferenceRule,
  type ReferenceMember,
  type ReferencePeriod,
  type ReferenceAccrual,
  type RenamedField,
  type PublishedValue,
  type ValueInfo,
  type ValueUnit,
} from "./plan/contract.js";

// The world: scenarios, their dynamics, period networks (simulated or from records).
export { resolveScenario, type Scenario, type ScenarioInput, type ScenarioSpec, type ValueDraw } from "./world/scenario.js";
export { DEFAULT_SCENARIO } from "./world/default-scenario.js";
export { createWorld, stepWorld, type World, type WorldOptions, type WorldPeriodStats, type WorldPlacement, type WorldStepInput } from "./world/world.js";
export { networkFromRecords, orderColumns, type PeriodNetwork, type OrderRecord, type OrderColumns, type PlacementTree } from "./world/network.js";

// Money: integer minor units and their text; the exact decimals of reference rules.
export { formatMinor, toMinor, minorDigits } from "./money/amount.js";
export { ExactDecimal } from "./money/exact.js";
export type { RoundingMode } from "./money/round.js";

// Input errors, and the schema fields a custom component's settings are made of.
export { DownlineInputError, type InputIssue } from "./validate/errors.js";
export { componentName, rateField, decimalField, amountField } from "./validate/fields.js";
