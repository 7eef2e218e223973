/**
 * A custom component: a team bonus whose rate comes from a table by paid-as
 * rank × number of qualified lines — a rule no built-in component covers.
 *
 *   npx tsx examples/custom-component.ts
 *
 * The component contract is public: a zod schema for its plan-file entry, the
 * rates it uses (so the plan picks one exact scale), `compile` (plain typed
 * settings), the fast engine's kernel (typed arrays, explicit state) and the
 * reference rule that defines it (exact decimals). Pass it once —
 * `simulate({ components: [teamTable] })` or `compilePlan(plan, { components:
 * [teamTable] })` — and it runs on both engines.
 */
import { z } from "zod";
import type { Decimal } from "decimal.js";
import {
  ComponentFieldError,
  componentName,
  defineComponent,
  ExactDecimal,
  formatMinor,
  rateField,
  simulate,
  type CompiledRate,
  type PlanInput,
} from "../src/index.js";

const schema = z
  .object({
    type: z.literal("teamTable"),
    name: componentName().optional(),
    /**
     * `table[r][l]`: the rate for paid-as rank r (0: no rank) with l qualified lines
     * (active frontline members); more lines than a row has use its last rate.
     */
    table: z.array(z.array(rateField()).min(1)).min(1),
  })
  .strict();

/** Compiled settings: the table of exact rates. */
interface TeamTableSettings {
  readonly table: readonly (readonly CompiledRate[])[];
}

/**
 * Team bonus: a member earns `table[rank][lines]` × her group volume below her
 * (GV minus her own PV), where `lines` counts her active frontline members.
 * Its headline is what it pays (the table is the plan's intent: no breakage).
 */
export const teamTable = defineComponent({
  type: "teamTable",
  schema,
  rates: (input) => input.table.flat(),
  compile(input, ctx): TeamTableSettings {
    if (input.table.length > ctx.rankNames.length + 1) {
      // Reported as a field-path error at components[k].table.
      throw new ComponentFieldError("table", `expected at most ${ctx.rankNames.length + 1} rows (no rank, then each rank), got ${input.table.length}`);
    }
    return { table: input.table.map((row) => row.map(ctx.rate)) };
  },
  fast: {
    // State: the scaled rates as typed rows, and a per-member count of lines (scratch).
    state: (s, capacity) => ({ rows: s.table.map((row) => Float64Array.from(row, (r) => r.scaled)), lines: new Int32Array(capacity) }),
    grow(state, capacity) {
      state.lines = new Int32Array(capacity);
    },
    accrue(_s, state, p, amounts) {
      const { members, memberCount, upline } = p.network;
      const { rows, lines } = state;
      for (let idx = 0; idx < memberCount; idx++) lines[members[idx]!] = 0;
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        if (p.active[i] === 1 && upline[i]! >= 0) lines[upline[i]!]! += 1;
      }
      let headline = 0n;
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        const row = rows[Math.min(p.rank[i]!, rows.length - 1)]!;
        const rate = row[Math.min(lines[i]!, row.length - 1)]!;
        const team = p.gv[i]! - p.pv[i]!;
        amounts[i]! += team * rate;
        headline += BigInt(team) * BigInt(rate);
      }
      return headline;
    },
  },
  reference: {
    accrue(s, _state, { members }) {
      const payees = new Map<number, Decimal>();
      let headline: Decimal = new ExactDecimal(0);
      for (const m of members) {
        if (!m.alive) continue;
        const row = s.table[Math.min(m.rank, s.table.length - 1)]!;
        const lines = m.frontline.filter((c) => members[c]!.active).length;
        const amount = row[Math.min(lines, row.length - 1)]!.value.times(m.gv.minus(m.pv));
        payees.set(m.id, amount);
        headline = headline.plus(amount);
      }
      return { payees, headline };
    },
  },
});

/** A plan using it: no-rank members earn 1–3% by lines, Leaders 4–6%. */
export const TEAM_PLAN: PlanInput = {
  name: "Team table",
  activity: { minPv: "100" },
  ranks: [{ name: "Leader", pv: "100", gv: "2000", legs: [{ count: 2, minGv: "300" }] }],
  components: [
    {
      type: "teamTable",
      table: [
        ["0", "0.01", "0.02", "0.03"],
        ["0", "0.04", "0.05", "0.06"],
      ],
    },
  ],
};

/** Runs the plan for 12 months on both engines (the same world) and returns what each paid. */
export function main(): { fast: number; reference: number } {
  const run = (engine: "fast" | "reference") =>
    simulate({ scenario: { months: 12, start: { founders: 1, network: { distributors: 300 } } }, plan: TEAM_PLAN, components: [teamTable], seed: 42, engine });
  const [fast, reference] = [run("fast"), run("reference")].map((r) => r.periods.reduce((s, p) => s + p.payout, 0)) as [number, number];
  console.log(`Team table: ${formatMinor(fast, 2)} paid over 12 months (fast engine), ${formatMinor(reference, 2)} (reference engine)`);
  return { fast, reference };
}

if (import.meta.url === `file://${process.argv[1]}`) main();
