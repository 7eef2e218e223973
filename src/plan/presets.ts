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
import binary from "../../presets/binary.json" with { type: "json" };
import matrix from "../../presets/matrix-3x7.json" with { type: "json" };
import type { PlanInput } from "./plan.js";

/** The preset plans by name. */
export const PRESETS: Readonly<Record<PresetName, PlanInput>> = {
  "wellness-unilevel": wellness as PlanInput,
  "stairstep-breakaway": stairstep as PlanInput,
  "saas-affiliate": saas as PlanInput,
  "high-ticket-affiliate": highTicket as PlanInput,
  binary: binary as PlanInput,
  "matrix-3x7": matrix as PlanInput,
};

/** The names of the preset plans (`downline run --preset NAME`). */
export type PresetName = "wellness-unilevel" | "stairstep-breakaway" | "saas-affiliate" | "high-ticket-affiliate" | "binary" | "matrix-3x7";
