/**
 * Custom components, and where the plan language made one unnecessary.
 *
 *   npx tsx examples/custom-component.ts
 *
 * 1. A team bonus paid from a rate table by paid-as rank × active frontline
 *    on the team's volume used to need code here. It is now data: a measure
 *    (`activeSponsored`), a rate table (`byRank` × `column`) and the built-in
 *    `groupVolume` component: {@link TEAM_PLAN}.
 *
 * 2. What the language does not cover stays a component — and talks to the
 *    built-ins through the engine, not through side channels. `activeStreak`
 *    counts each member's consecutive active periods (state carried from
 *    period to period) and publishes it as `streak.periods`, a count. Because
 *    it runs at `stage: "measure"` (before ranks), a rank rule can test it
 *    (`Loyal` needs 3 periods in a row), and a rate table can use it as a
 *    column: a custom measure feeding built-in rules. See {@link LOYALTY_PLAN}.
 *
 * The component contract is public: a zod schema for its plan-file entry, the
 * rates it uses (so the plan picks one exact scale), what it publishes,
 * `compile` (plain typed settings), the fast engine's kernel (typed arrays,
 * explicit state, its published arrays as the fifth argument) and the
 * reference rule that defines it (exact decimals, its published values in
 * `published`). Pass it once — `simulate({ components: [activeStreak] })` or
 * `compilePlan(plan, { components: [activeStreak] })` — and both engines run
 * it: `createReferenceEngine(compilePlan(plan, { components }))` uses its
 * `reference` rule.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Decimal } from "decimal.js";
import { componentName, defineComponent, ExactDecimal, formatMinor, simulate, type PlanInput } from "../src/index.js";

/** The former custom team bonus, as data: 1–3% by active frontline without a rank, 4–6% for Leaders, on the team's volume. */
export const TEAM_PLAN: PlanInput = {
  name: "Team table",
  activity: { minPv: "100" },
  ranks: [{ name: "Leader", pv: "100", gv: "2000", legs: [{ count: 2, minGv: "300" }] }],
  measures: [{ name: "activeLines", kind: "activeSponsored" }],
  components: [
    {
      type: "groupVolume",
      name: "team",
      includeOwn: false,
      rate: { byRank: [{ rank: "Leader", rates: ["0", "0.04", "0.05", "0.06"] }], base: ["0", "0.01", "0.02", "0.03"], column: "activeLines" },
    },
  ],
};

const streakSchema = z.object({ type: z.literal("activeStreak"), name: componentName().optional() }).strict();

/** The streak kernel's state: each member's run of active periods, carried (grown, never reset). */
interface StreakState {
  run: Int32Array;
}

/**
 * Consecutive active periods: a member's streak is her previous streak + 1
 * when she is active this period, else 0. Published as `<name>.periods`
 * (unit `count`); it pays nothing.
 */
export const activeStreak = defineComponent({
  type: "activeStreak",
  schema: streakSchema,
  stage: "measure",
  rates: () => [],
  publishes: () => [{ name: "periods", unit: "count" }],
  compile: () => ({}),
  fast: {
    state: (_s, capacity): StreakState => ({ run: new Int32Array(capacity) }),
    grow(state, capacity) {
      const run = new Int32Array(capacity);
      run.set(state.run.subarray(0, Math.min(state.run.length, capacity)));
      state.run = run;
    },
    accrue(_s, state, p, _amounts, published) {
      const periods = published[0]!;
      const { members, memberCount } = p.network;
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        state.run[i] = p.active[i] === 1 ? state.run[i]! + 1 : 0;
        periods[i] = state.run[i]!;
      }
      return 0n;
    },
  },
  reference: {
    state: () => new Map<number, number>(),
    accrue(_s, runs, { members }) {
      const periods = new Map<number, Decimal>();
      for (const m of members) {
        if (!m.alive) continue;
        const run = m.active ? (runs.get(m.id) ?? 0) + 1 : 0;
        runs.set(m.id, run);
        periods.set(m.id, new ExactDecimal(run));
      }
      return { payees: new Map(), headline: new ExactDecimal(0), published: new Map([["periods", periods]]) };
    },
  },
});

/**
 * A plan the streak feeds: `Loyal` members (3 active periods in a row) earn
 * 2% on their team; and a loyalty unilevel level 1 whose rate rises with the
 * earner's streak (0, 0, 1%, 2%, then 3% from 4 periods on).
 */
export const LOYALTY_PLAN: PlanInput<typeof activeStreak> = {
  name: "Loyalty",
  activity: { minPv: "100" },
  ranks: [{ name: "Loyal", measures: [{ measure: "streak.periods", min: 3 }] }],
  components: [
    { type: "activeStreak", name: "streak" },
    { type: "groupVolume", name: "loyalTeam", includeOwn: false, rate: { byRank: [{ rank: "Loyal", rate: "0.02" }] } },
    { type: "unilevel", name: "loyalLevel", rates: [{ rates: ["0", "0", "0.01", "0.02", "0.03"], column: "streak.periods" }] },
  ],
};

/** Runs both plans for 12 months on both engines (the same world) and returns what each paid. */
export function main(): { team: { fast: number; reference: number }; loyalty: { fast: number; reference: number } } {
  const run = (plan: PlanInput<typeof activeStreak>, engine: "fast" | "reference") =>
    simulate({ scenario: { months: 12, start: { founders: 1, network: { distributors: 300 } } }, plan, components: [activeStreak], seed: 42, engine }).periods.reduce(
      (s, p) => s + p.payout,
      0,
    );
  const team = { fast: run(TEAM_PLAN, "fast"), reference: run(TEAM_PLAN, "reference") };
  const loyalty = { fast: run(LOYALTY_PLAN, "fast"), reference: run(LOYALTY_PLAN, "reference") };
  console.log(`Team table (data): ${formatMinor(team.fast, 2)} paid over 12 months (fast engine), ${formatMinor(team.reference, 2)} (reference engine)`);
  console.log(`Loyalty (a custom measure feeding built-ins): ${formatMinor(loyalty.fast, 2)} (fast engine), ${formatMinor(loyalty.reference, 2)} (reference engine)`);
  return { team, loyalty };
}

// Run directly (`npx tsx examples/custom-component.ts`), not when imported (the tests):
// compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
