/**
 * Preset plans, shipped as JSON plan files in `presets/` (figures from public
 * compensation plans; see the README):
 * - `wellness-unilevel`: 20% customer commission; fast start 25%/10% for 3
 *   months; unilevel 8/5/4/4/4% with payable depth 2 → 4 → 5 by rank; a
 *   legs × volume rank ladder (Executive 2 × 1,000 and 4,000 total … Royal
 *   Crown Diamond 6 × 35,000 and 1,500,000); a 10%/5% leadership match on the
 *   unilevel from Silver;
 * - `stairstep-breakaway`: Amway-style differential 3–21% by group volume
 *   (200 … 10,000), breakaway at 21% with a 4% first-generation override, and a
 *   0.25% Diamond pool;
 * - `saas-affiliate`: 25% recurring on referred customers, 5% on the second tier;
 * - `high-ticket-affiliate`: 30% of a referred customer's first order, once;
 * - `info-product`: a creator's affiliate program: 40% of every order of a
 *   referred buyer (one-time course sales and the membership's renewals),
 *   5% on the second tier;
 * - `binary`: pairs of 100 + 100 volume paying 10% (a weak-leg 10% in 1:1
 *   pairs), carryover flushed when inactive, a weekly cap of 250 pairs
 *   translated to a month (250 × 52 / 12 = 1,083); needs a scenario with a
 *   binary `placement`;
 * - `matrix-3x7`: a 3-wide forced matrix paying 5% on levels 1–6 and 10% on
 *   level 7 (illustrative rates); needs a scenario with a 3-wide matrix
 *   `placement`.
 *
 * @module
 */
import wellness from "../../presets/wellness-unilevel.json" with { type: "json" };
import stairstep from "../../presets/stairstep-breakaway.json" with { type: "json" };
import saas from "../../presets/saas-affiliate.json" with { type: "json" };
import highTicket from "../../presets/high-ticket-affiliate.json" with { type: "json" };
import infoProduct from "../../presets/info-product.json" with { type: "json" };
import binary from "../../presets/binary.json" with { type: "json" };
import matrix from "../../presets/matrix-3x7.json" with { type: "json" };
import wellnessWorld from "../../presets/scenarios/wellness-unilevel.json" with { type: "json" };
import stairstepWorld from "../../presets/scenarios/stairstep-breakaway.json" with { type: "json" };
import saasWorld from "../../presets/scenarios/saas-affiliate.json" with { type: "json" };
import highTicketWorld from "../../presets/scenarios/high-ticket-affiliate.json" with { type: "json" };
import infoProductWorld from "../../presets/scenarios/info-product.json" with { type: "json" };
import binaryWorld from "../../presets/scenarios/binary.json" with { type: "json" };
import matrixWorld from "../../presets/scenarios/matrix-3x7.json" with { type: "json" };
import type { ScenarioInput } from "../world/scenario.js";
import type { PlanInput } from "./plan.js";
import { deepFreeze } from "../util/frozen.js";

/** The preset plans by name (frozen all the way down, like the JSON they are read from). */
export const PRESETS: Readonly<Record<PresetName, PlanInput>> = deepFreeze({
  "wellness-unilevel": wellness as PlanInput,
  "stairstep-breakaway": stairstep as PlanInput,
  "saas-affiliate": saas as PlanInput,
  "high-ticket-affiliate": highTicket as PlanInput,
  "info-product": infoProduct as PlanInput,
  binary: binary as PlanInput,
  "matrix-3x7": matrix as PlanInput,
});

/**
 * The business each preset plan is written for, as a scenario
 * (`presets/scenarios/<name>.json`): a wellness network, a stairstep business,
 * a SaaS affiliate program (weekly periods, weekly-billed subscriptions), a
 * high-ticket affiliate offer (mostly one-time sales, a long sales cycle), an
 * info product sold by its creator and her affiliates (one-time course sales
 * and a monthly membership; the creator is the company account, selling to
 * her audience at `start.company`'s rate), a binary business
 * (a binary placement tree), a matrix business (a 3-wide matrix).
 * `downline run --preset NAME` runs the plan on it. Frozen all the way down.
 */
export const PRESET_SCENARIOS: Readonly<Record<PresetName, ScenarioInput>> = deepFreeze({
  "wellness-unilevel": wellnessWorld as ScenarioInput,
  "stairstep-breakaway": stairstepWorld as ScenarioInput,
  "saas-affiliate": saasWorld as ScenarioInput,
  "high-ticket-affiliate": highTicketWorld as ScenarioInput,
  "info-product": infoProductWorld as ScenarioInput,
  binary: binaryWorld as ScenarioInput,
  "matrix-3x7": matrixWorld as ScenarioInput,
});

/** The names of the preset plans (`downline run --preset NAME`). */
export type PresetName = "wellness-unilevel" | "stairstep-breakaway" | "saas-affiliate" | "high-ticket-affiliate" | "info-product" | "binary" | "matrix-3x7";
