export { simulate, type SimulateOptions } from "./simulate.js";
export { simulatePlans, type SimulatePlansOptions } from "./simulate-plans.js";
export { prepareRun, runPeriods, collectResults, type RunOptions, type PreparedRun, type PlanRun, type NamedCollector, type PlansPeriodListener, type RunSource } from "./prepared-run.js";
export { replay, replayScenario, type ReplayOptions } from "./replay.js";
export { stopEffort, type StopEffortOptions, type Counterfactual } from "./stop-effort.js";
