export { createFastEngine } from "./fast.js";
export { createReferenceEngine } from "./reference/index.js";
export type { PeriodPayout, PlanEngine, EngineOptions } from "./payout.js";
export { createLedger, appendPayout, ledgerLines, ledgerToCsv, ledgerCsvPieces, type Ledger, type LedgerChunk, type LedgerLine } from "./ledger.js";
export { simulate, simulatePlans, type SimulateOptions, type SimulatePlansOptions, type SimulationResult } from "./simulate.js";
export { DEFAULT_PLAN } from "./default-plan.js";
