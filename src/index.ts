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
export { simulatePlans, type SimulatePlansOptions, type SimulationResults } from "./run/simulate-plans.js";
export { stopEffort, type StopEffortOptions, type Counterfactual } from "./run/stop-effort.js";
export type { PlansPeriodListener } from "./run/prepared-run.js";

// A real business's history: imported, replayed under plans, reconciled, continued as a forecast (simulate's start.history).
export { replay, type ReplayOptions } from "./run/replay.js";
export { importHistory, historyFromRecords, type HistoryInput, type HistoryFile, type HistoryData, type HistoryChunk, type HistoryRecord } from "./history/import.js";
export type { HistoryOptions, HistoryIssue } from "./history/build.js";
export type { History, HistoryMembers, HistoryCustomers, HistoryOrders, HistoryFileSummary, HistoryCategory, ExternalIds } from "./history/history.js";
export { periodLabel, type HistoryCalendar, type PeriodKind } from "./history/calendar.js";
export { historySummary } from "./history/summary.js";
export { importPaid, paidFromRecords, type PaidAmounts, type PaidOptions } from "./history/paid.js";
export { reconcile, type Reconciliation, type ReconciliationLine } from "./analysis/reconcile.js";
export { historyCollector, type HistoryCollectorOptions } from "./analysis/history-collector.js";
export { historyCsvPieces, type HistoryCsvOptions } from "./output/history-csv.js";

// Collectors and what a run returns.
export type { Collector, CollectorFactory, CollectorFactories, CollectorResults, CollectorSetup, PeriodView } from "./analysis/collector.js";
export { reporter } from "./analysis/reporter.js";
export type { SimulationResult } from "./analysis/result.js";
export type { PeriodRow } from "./analysis/period-rows.js";
export type { MemberColumns } from "./analysis/member-totals.js";
export { memberRowsOf, type MemberRow } from "./analysis/member-rows.js";
export { ledgerLines, type Ledger, type LedgerChunk, type LedgerLine } from "./analysis/ledger.js";

// Per-member, per-period results (`simulate({ memberPeriods: true })`) and how to read them.
export {
  MEMBER_PERIOD_COLUMNS,
  DEFAULT_MEMBER_PERIOD_COLUMNS,
  INCOME_COLUMNS,
  memberSeries,
  memberPeriodRows,
  sliceValues,
  type MemberPeriods,
  type MemberPeriodSlice,
  type MemberPeriodColumn,
  type MemberPeriodsOptions,
  type MemberMeasure,
  type MemberSeries,
  type MemberPeriodRow,
} from "./analysis/member-periods.js";
export type { PackedColumn, PackedValues } from "./analysis/packed.js";

// Analysis: windows, distributions, disclosures, company metrics, "what if I stop", statistics.
export { resolveWindow, windowTotals, type Window, type ResolvedWindow, type WindowTotals } from "./analysis/windows.js";
export { distributions, describeDistribution, type DistributionRow, type DistributionStats, type DistributionOptions, type IncomeMeasure, type GroupBy } from "./analysis/distributions.js";
export { incomeDisclosure, type IncomeDisclosure, type DisclosureRow, type DisclosureOptions } from "./analysis/disclosure.js";
export { companyMetrics, rankCountRows, type CompanyMetrics, type CompanyPeriodRow, type EndCustomerTest } from "./analysis/company-metrics.js";
export { calibrationFigures, REFERENCE_RANGES, type CalibrationFigures, type ReferenceRange } from "./analysis/calibration.js";
export {
  incomeDecomposition,
  type IncomeDecomposition,
  type DecompositionOptions,
  type DecompositionPeriodRow,
  type DecompositionMembers,
  type IncomeByKind,
  type IncomePerHour,
} from "./analysis/decomposition.js";
export { stopReport, type StopCounterfactual, type StopReport, type StopReportOptions, type StopPeriodRow, type StopMemberRow, type StopCohortRow } from "./analysis/stop-report.js";
export { PLAN_METRICS, planMetrics, type PlanMetric, type PlanMetricName } from "./analysis/plan-metrics.js";
export { quantileSorted, giniSorted, topShareSorted, meanInterval, pairedInterval, studentTQuantile, type MeanInterval, type TopShare } from "./analysis/statistics.js";

// Plans compared over many seeds, parameter sweeps (in this thread; `downline/parallel` for worker threads).
export { comparePlans, type ComparePlansOptions, type PlanOnWorld } from "./run/compare-plans.js";
export { sweepParameters, type SweepOptions, type ParameterSweep, type SweepColumns } from "./run/sweep-parameters.js";
export type {
  ExperimentOptions,
  PlanComparison,
  ComparisonArm,
  ComparisonValueRow,
  ComparisonSummaryRow,
  ComparisonDifferenceRow,
  ComparisonDisclosure,
  ComparisonPeriodRow,
} from "./run/experiment.js";

// Writers: CSV and JSON, as text or as pieces to write one by one; Markdown tables for reading.
export { periodsCsvPieces, periodsToCsv, type PeriodsOf } from "./output/period-csv.js";
export { periodsToJson } from "./output/period-json.js";
export { membersCsvPieces } from "./output/member-csv.js";
export { ledgerCsvPieces, ledgerToCsv } from "./output/ledger-csv.js";
export { disclosureMarkdown, comparisonMarkdown, type ComparisonMarkdownOptions } from "./output/markdown.js";

// Charts: Vega-Lite specifications as plain data (render them in a notebook, or with `downline … --chart out.svg`).
export { VEGA_LITE_SCHEMA, type VegaLiteSpec, type ChartOptions } from "./output/charts/spec.js";
export { payoutRatioChart } from "./output/charts/payout-ratio-chart.js";
export { incomeDistributionChart, type IncomeDistributionChartOptions } from "./output/charts/income-distribution-chart.js";
export { incomeByComponentChart } from "./output/charts/income-by-component-chart.js";
export { incomeDecompositionChart, type IncomeDecompositionChartOptions } from "./output/charts/income-decomposition-chart.js";
export { stopChart } from "./output/charts/stop-chart.js";
export { sweepChart, type SweepChartOptions } from "./output/charts/sweep-chart.js";

// Engines: one period's payout under a plan.
export { createFastEngine } from "./engine/fast.js";
export { createReferenceEngine } from "./engine/reference/reference.js";
export type { PeriodPayout, PlanEngine, EngineOptions } from "./engine/payout.js";
export { DEFAULT_PLAN } from "./engine/default-plan.js";

// Plans: data, compiled once; presets; the JSON Schema; the custom-component contract.
export {
  compilePlan,
  type PlanInput,
  type ComponentInput,
  type ComponentInputOf,
  type ComponentTypeName,
  type UntypedComponentInput,
  type CompiledPlan,
  type CompileOptions,
} from "./plan/plan.js";
export { PRESETS, PRESET_SCENARIOS, type PresetName } from "./plan/presets.js";
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
  type IncomeKind,
  type IncomeRule,
  type IncomeWeights,
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
export { createWorld, stepWorld, type World, type WorldOptions, type WorldPeriodStats, type WorldPlacement, type WorldStepInput, type StopOverride, type StayOverride } from "./world/world.js";
export { ROLES, type Role } from "./world/roles.js";
export {
  networkFromRecords,
  orderColumns,
  type PeriodNetwork,
  type OrderRecord,
  type OrderColumns,
  type PlacementTree,
  type NetworkRecords,
  type OrderColumnsInput,
  type PlacementInput,
  type NumberList,
} from "./world/network.js";

// Money: integer minor units and their text; the exact decimals of reference rules.
export { formatMinor, toMinor, minorDigits } from "./money/amount.js";
export { ExactDecimal } from "./money/exact.js";
export type { RoundingMode } from "./money/round.js";

// Input errors, and the schema fields a custom component's settings are made of.
export { DownlineInputError, type InputIssue } from "./validate/errors.js";
export { componentName, rateField, decimalField, amountField } from "./validate/fields.js";
