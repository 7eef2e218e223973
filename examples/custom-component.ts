/**
 * A custom component: a team bonus whose rate comes from a table by paid-as
 * rank × number of qualified lines — a rule no built-in component covers.
 *
 *   npx tsx examples/custom-component.ts
 *
 * The component contract is public: a zod schema for its settings, the rates it
 * uses (so the plan picks one exact scale), and a compile step that returns the
 * fast engine's `accrue`. Register it with `compilePlan(plan, { components: [...] })`.
 */
import { z } from "zod";
import {
  compilePlan,
  ComponentFieldError,
  componentName,
  formatMinor,
  rateField,
  simulate,
  type ComponentType,
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

/**
 * Team bonus: a member earns `table[rank][lines]` × her group volume below her
 * (GV minus her own PV), where `lines` counts her active frontline members.
 */
export const teamTable: ComponentType<typeof schema> = {
  type: "teamTable",
  schema,
  rates: (input) => input.table.flat(),
  compile(input, rate, context) {
    if (input.table.length > context.rankNames.length + 1) {
      // Reported as a field-path error at components[k].table.
      throw new ComponentFieldError("table", `expected at most ${context.rankNames.length + 1} rows (no rank, then each rank), got ${input.table.length}`);
    }
    const rows = input.table.map((row) => Float64Array.from(row, (r) => rate(r).units));
    let lines = new Int32Array(0); // scratch, per member
    return {
      type: "teamTable",
      name: input.name,
      settings: { table: input.table },
      fast: {
        type: "teamTable",
        name: input.name,
        accrue(p, amounts) {
          const { size, members, memberCount, upline } = p.network;
          if (lines.length < size) lines = new Int32Array(Math.ceil(size * 1.25));
          for (let idx = 0; idx < memberCount; idx++) lines[members[idx]!] = 0;
          for (let idx = 0; idx < memberCount; idx++) {
            const i = members[idx]!;
            if (p.active[i] === 1 && upline[i]! >= 0) lines[upline[i]!]! += 1;
          }
          let headline = 0n;
          for (let idx = 0; idx < memberCount; idx++) {
            const i = members[idx]!;
            const row = rows[Math.min(p.rank[i]!, rows.length - 1)]!;
            const units = row[Math.min(lines[i]!, row.length - 1)]!;
            const team = p.gv[i]! - p.pv[i]!;
            amounts[i]! += team * units;
            headline += BigInt(team) * BigInt(units);
          }
          return headline; // what the table pays is the plan's intent: no breakage
        },
      },
    };
  },
};

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

export function main() {
  const plan = compilePlan(TEAM_PLAN, { components: [teamTable] });
  const result = simulate({ scenario: { months: 12, start: { founders: 1, network: { distributors: 2000 } } }, plan, seed: 42 });
  const paid = result.periods.reduce((s, p) => s + p.payout, 0);
  console.log(`${plan.name}: ${formatMinor(paid, 2)} paid over 12 months`);
  return paid;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
