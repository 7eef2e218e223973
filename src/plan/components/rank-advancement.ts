/**
 * Rank advancement bonus: a fixed amount, paid once, when a member's title
 * (her highest paid-as rank ever) first reaches a rank.
 *
 * Each bonus is tied to a rank of the plan's ladder, by name. In the period her
 * title first reaches that rank or a higher one, the member is due the bonus; a
 * jump over several ranks makes each skipped rank's bonus due too. A bonus is
 * settled once per member and rank: never again, even if she drops and
 * requalifies. With `requiresActive`, a bonus due while she is not active is
 * forfeited (breakage) and never paid later.
 *
 * Amounts are in major units of the run's currency; the component writes whole
 * minor units itself (`units: "minor"`), so nothing is rounded.
 *
 * @module
 */
import { z } from "zod";
import { toMinor } from "../../money/amount.js";
import { DownlineInputError } from "../../validate/errors.js";
import { amountField, componentName } from "../../validate/fields.js";
import { ComponentFieldError, type ComponentType } from "../contract.js";

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
    /** Forfeit (as breakage) a bonus that falls due while the member is not active. */
    requiresActive: z.boolean().default(false),
  })
  .strict();

/** One compiled bonus. */
export interface CompiledRankBonus {
  /** The rank's name, as written. */
  readonly rankName: string;
  /** The rank's 1-based number in the ladder. */
  readonly rank: number;
  /** The amount as validated and normalised, major units (`"250"` for `"250.00"`). */
  readonly amount: string;
}

/** Settings the reference engine reads. */
export interface RankAdvancementSettings {
  readonly bonuses: readonly CompiledRankBonus[];
  readonly requiresActive: boolean;
  /** The component's position in the plan, for error paths (`components[k]`). */
  readonly index: number;
}

/**
 * The error for a bonus amount with more decimals than the run's currency has.
 * The currency is known only when the plan is paid, so both engines raise it
 * from their first period rather than at compile time.
 */
export function bonusAmountError(settings: RankAdvancementSettings, bonus: number, digits: number): DownlineInputError {
  return new DownlineInputError("plan", [
    {
      path: `components[${settings.index}].bonuses[${bonus}].amount`,
      message: `expected at most ${digits} decimals for this currency, got ${settings.bonuses[bonus]!.amount}`,
    },
  ]);
}

/**
 * The rank-advancement component type (`type: "rankAdvancement"`). It keeps,
 * per member, the highest title whose bonuses are settled.
 *
 * @example
 * { type: "rankAdvancement", bonuses: [{ rank: "Gold", amount: "250.00" }, { rank: "Platinum", amount: "1000.00" }] }
 */
export const rankAdvancement: ComponentType<typeof schema> = {
  type: "rankAdvancement",
  schema,
  rates: () => [],
  compile(input, _rate, context) {
    const firstAt = new Map<number, number>();
    const bonuses: CompiledRankBonus[] = input.bonuses.map((b, i) => {
      const rank = context.rankNumber(b.rank, `bonuses[${i}].rank`);
      const earlier = firstAt.get(rank);
      if (earlier !== undefined) {
        throw new ComponentFieldError(`bonuses[${i}].rank`, `expected each rank at most once, but ${JSON.stringify(b.rank)} is also bonuses[${earlier}].rank`);
      }
      firstAt.set(rank, i);
      return { rankName: b.rank, rank, amount: b.amount };
    });
    const settings: RankAdvancementSettings = { bonuses, requiresActive: input.requiresActive, index: context.earlierComponents.length };
    // The bonus for reaching each rank number (0: none), in whole minor units of the
    // currency it was converted for: the currency is known only when the plan is paid.
    const bonusOf = new Float64Array(context.rankNames.length + 1);
    let bonusDigits = -1;
    const all = !input.requiresActive;
    // Per member: the highest title whose bonuses are settled (paid or forfeited).
    // Titles never go down, so the settled bonuses are exactly those of ranks up to it.
    let settled = new Uint8Array(0);
    return {
      type: "rankAdvancement",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "rankAdvancement",
        name: input.name,
        units: "minor",
        accrue(p, amounts) {
          const { size, members, memberCount, period } = p.network;
          if (p.digits !== bonusDigits) {
            bonuses.forEach((b, k) => {
              const minor = toMinor(b.amount, p.digits);
              if (minor === undefined) throw bonusAmountError(settings, k, p.digits);
              bonusOf[b.rank] = minor;
            });
            bonusDigits = p.digits;
          }
          if (settled.length < size) {
            const grown = new Uint8Array(Math.ceil(size * 1.25));
            grown.set(settled);
            settled = grown;
          }
          const title = p.title;
          const active = p.active;
          let headline = 0;
          for (let idx = 0; idx < memberCount; idx++) {
            const i = members[idx]!;
            const t = title[i]!;
            const s = settled[i]!;
            if (t <= s) continue;
            const pay = all || active[i] === 1;
            for (let r = s + 1; r <= t; r++) {
              const b = bonusOf[r]!;
              headline += b;
              if (pay) amounts[i]! += b;
            }
            settled[i] = t;
          }
          if (!Number.isSafeInteger(headline)) {
            throw new RangeError(`downline/engine: ${input.name}: the period's rank bonuses ${headline} are beyond exact range`);
          }
          return BigInt(headline);
        },
      },
    };
  },
};
