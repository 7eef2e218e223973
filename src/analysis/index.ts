export type { Collector, CollectorFactory, CollectorFactories, CollectorResults, CollectorSetup, PeriodView } from "./collector.js";
export { reporter } from "./reporter.js";
export { periodRow, periodRowsCollector, type PeriodRow, type PeriodRowsCollector } from "./period-rows.js";
export { createMemberTotals, addToMemberTotals, memberColumns, memberTotalsCollector, type MemberColumns, type MemberTotals } from "./member-totals.js";
export { memberRowsOf, type MemberRow } from "./member-rows.js";
export { createLedger, appendPayout, ledgerLines, ledgerCollector, type Ledger, type LedgerChunk, type LedgerLine } from "./ledger.js";
export type { SimulationResult } from "./result.js";
export { historyCollector, type HistoryCollectorOptions } from "./history-collector.js";
export { reconcile, type Reconciliation, type ReconciliationLine } from "./reconcile.js";
