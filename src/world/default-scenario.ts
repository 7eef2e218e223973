import type { ScenarioInput } from "./scenario.js";
import { deepFreeze } from "../util/frozen.js";

/**
 * The embedded default scenario: a mature business of 5,000 distributors (about
 * 7,500 subscription customers) in a market of 250,000 prospects, run for 36
 * months. Everything else takes the schema's defaults (see {@link scenarioSchema}).
 * Frozen all the way down: copy it to change it (`{ ...DEFAULT_SCENARIO, months: 12 }`).
 */
export const DEFAULT_SCENARIO: ScenarioInput = deepFreeze({
  name: "default",
  months: 36,
  start: { founders: 1, network: { distributors: 5000, customersPerDistributor: 1.5 } },
  market: { prospects: 250_000 },
} satisfies ScenarioInput);
