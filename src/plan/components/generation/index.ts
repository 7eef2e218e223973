/**
 * Generation bonus: a % on the volume of generations of qualified leaders.
 *
 * A **leader** is a member whose paid-as rank this period is at least
 * `leaderRank`. A leader's **group** is herself and her downline down to, not
 * including, the next leader in each line (a member below the rank this
 * period, active or not, does not end a group: her volume stays in the group
 * above). A leader earns:
 * - `rates[0]` on her own group's volume **excluding her own PV** (generation 1;
 *   her own purchases are paid by other components, not by a leadership bonus);
 * - `rates[1]` on the group volume of each leader who is the first leader below
 *   her in some line (generation 2), her own PV included;
 * - `rates[k]` on the groups of the leaders k generations below her.
 *
 * Per order, equivalently (volume V credited to member m): let h be the nearest
 * leader at or above m (none: nobody earns on V). h earns `rates[0] × V` unless
 * h is m; the k-th leader strictly above h earns `rates[k] × V`, up to the last
 * rate. Members who are not leaders are passed over and hold no generation.
 *
 * **Headline**: `Σ rates × V` for every order, what V pays when m is not a
 * leader and has enough leaders above her; breakage is every generation with no
 * leader to take it (a leader's own PV never pays `rates[0]`).
 *
 * @example
 * const generationInput = { type: "generation", leaderRank: "Gold", rates: ["0.05", "0.03", "0.02"] };
 * // A Gold earns 5% on her group below her, 3% on the groups of the first Golds below her, 2% on the next.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { basisField } from "../../volume.js";
import { generationKernel } from "./fast.js";
import { generationRule } from "./reference.js";
import type { GenerationSettings } from "./settings.js";
export type { GenerationSettings } from "./settings.js";

const schema = z
  .object({
    type: z.literal("generation"),
    name: componentName().optional(),
    /** Paid-as rank from which a member is a leader: she heads a generation and earns on the generations below. */
    leaderRank: z.string().min(1).max(100),
    /** Rate of generation 1 (the leader's own group, her PV excluded), 2, … */
    rates: z.array(rateField()).min(1).max(64),
    /** The volume it pays on: CV (default) or QV. */
    basis: basisField(),
  })
  .strict();

/** The generation bonus (see the module documentation for the definition). */
export const generation = defineComponent({
  type: "generation",
  schema,
  rates: (input) => input.rates,
  compile: (input, ctx): GenerationSettings => ({
    leaderRank: ctx.rankNumber(input.leaderRank, "leaderRank"),
    leaderRankName: input.leaderRank,
    rates: input.rates.map(ctx.rate),
    basis: input.basis,
  }),
  fast: generationKernel,
  reference: generationRule,
  // Income: the groups of her and the leaders below her, her own PV excluded: leveraged.
  income: "leveraged",
});
