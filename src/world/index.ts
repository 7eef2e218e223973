export { scenarioSchema, resolveScenario, type Scenario, type ScenarioInput, type ScenarioSpec, type ValueDraw } from "./scenario.js";
export { networkFromRecords, orderColumns, orderJoinOf, type PeriodNetwork, type OrderRecord, type OrderColumns, type PlacementTree } from "./network.js";
export { createWorld, stepWorld, type World, type WorldOptions, type WorldPeriodStats, type WorldPlacement, type WorldStepInput, type StopOverride, type StayOverride } from "./world.js";
export { ROLES, type Role } from "./roles.js";
export { DEFAULT_SCENARIO } from "./default-scenario.js";
