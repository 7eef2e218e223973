/**
 * Rank advancement bonus: a fixed amount, paid once, when a member's title
 * (her highest paid-as rank ever) first reaches a rank.
 *
 * Each bonus is tied to a rank of the plan's ladder, by name. In the period her
 * title first reaches that rank or a higher one, the member is due the bonus; a
 * jump over several ranks makes each skipped rank's bonus due too. A bonus is
 * settled once per member and rank: never again, even if she drops and
 * requalifies. With `qualification.active`, a bonus due while she is not
 * active is forfeited (breakage) and never paid later.
 *
 * Amounts are in major units of the plan's currency, converted when the plan
 * is compiled (an amount finer than the currency is a plan error then); the
 * component writes whole minor units itself (`writes: "minor"`), so nothing is
 * rounded.
 *
 * @module
 */
import { z } from "zod";
import { amountField, componentName } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { activeQualification, REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { rankAdvancementKernel } from "./fast.js";
import { rankAdvancementRule } from "./reference.js";
import type { RankAdvancementSettings } from "./settings.js";
export type { RankAdvancementSettings } from "./settings.js";

const schema = z
  .object({
    type: z.literal("rankAdvancement"),
    name: componentName().optional(),
    /** One bonus per rank, by rank name; each rank at most once. */
    bonuses: z
      .array(
        z
          .object({
            /** The name of a rank of the plan's ladder. */
            rank: z.string().min(1),
            /** Paid once when the title first reaches `rank`, in major units (`"250.00"`). */
            amount: amountField(),
          })
          .strict(),
      )
      .min(1)
      .max(64),
    /** `active`: forfeit (as breakage) a bonus that falls due while the member is not active (default: pay it). */
    qualification: activeQualification(false),
  })
  .strict();

/**
 * The rank-advancement component type (`type: "rankAdvancement"`).
 *
 * @example
 * { type: "rankAdvancement", bonuses: [{ rank: "Gold", amount: "250.00" }, { rank: "Platinum", amount: "1000.00" }] }
 */
export const rankAdvancement = defineComponent({
  type: "rankAdvancement",
  schema,
  writes: "minor",
  renamed: [REQUIRES_ACTIVE_RENAMED],
  rates: () => [],
  compile(input, ctx): RankAdvancementSettings {
    // Each bonus belongs to its own rank only (not "at or below"): a table by rank number.
    const listed = input.bonuses.map((b, i) => ({ rank: b.rank, value: { rank: ctx.rankNumber(b.rank, `bonuses[${i}].rank`), amount: ctx.money(b.amount, `bonuses[${i}].amount`) } }));
    const table = ctx.byRank(listed, { rank: 0, amount: 0 }, "bonuses");
    return { bonusByRank: table.map((entry, r) => (entry.rank === r ? entry.amount : 0)), requireActive: input.qualification.active };
  },
  fast: rankAdvancementKernel,
  reference: rankAdvancementRule,
  // Income: once per rank reached: active.
  income: "active",
});
