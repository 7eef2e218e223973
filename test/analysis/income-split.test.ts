/**
 * The income split, by hand: tiny fixed worlds (networkFromRecords) paid on
 * both engines, each member's pay split into active, residual, leveraged and
 * unclassified by the per-member, per-period collector. Amounts in cents;
 * the arithmetic is in the comments.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  compilePlan,
  createFastEngine,
  createReferenceEngine,
  defineComponent,
  ExactDecimal,
  networkFromRecords,
  type NetworkRecords,
  type OrderRecord,
  type PlanInput,
  type AnyComponentType,
  type IncomeRule,
} from "../../src/index.js";
import { memberPeriodRows, memberPeriodsCollector, resolveMemberPeriodsOptions } from "../../src/analysis/member-periods.js";
import type { CollectorSetup } from "../../src/analysis/collector.js";
import { BUILT_IN_COMPONENTS } from "../../src/plan/components/index.js";
import type { Decimal } from "decimal.js";

/** A customer's order credited to `member`: price and CV in cents, acquired in period `join`. */
const sale = (member: number, customer: number, price: number, cv: number, join: number): OrderRecord => ({ member, customer, price, cv, customerJoin: join });
/** A distributor's own order, price = CV, in cents. */
const own = (member: number, cents: number): OrderRecord => ({ member, customer: -1, price: cents, cv: cents });

/** A custom component paying 1.00 to every current member, with the income rule given (none: unclassified). */
function flatBonusType(type: string, income?: IncomeRule<object>) {
  return defineComponent({
    type,
    schema: z.object({ type: z.literal(type), name: z.string().optional() }).strict(),
    rates: () => [],
    compile: () => ({}),
    writes: "minor",
    fast: {
      state: () => undefined,
      accrue(_s, _state, p, amounts) {
        for (let k = 0; k < p.network.memberCount; k++) amounts[p.network.members[k]!]! += 100;
        return BigInt(100 * p.network.memberCount);
      },
    },
    reference: {
      accrue(_s, _state, p) {
        const payees = new Map<number, Decimal>();
        for (const m of p.members) if (m.alive) payees.set(m.id, new ExactDecimal(100));
        return { payees, headline: new ExactDecimal(100 * payees.size) };
      },
    },
    ...(income ? { income } : {}),
  });
}

/** Without `income`: unclassified. */
const flatBonus = flatBonusType("flatBonus");
/** 3 parts active to 1 part residual, in weights far past 2^53 (scaled down exactly). */
const hugeWeights = flatBonusType("hugeWeights", (_s, network, w) => {
  for (let k = 0; k < network.memberCount; k++) {
    w.active[network.members[k]!] = 3 * 2 ** 60;
    w.residual[network.members[k]!] = 2 ** 60;
  }
});
/** Weights that are not whole numbers: refused, naming the component. */
const fractionalWeights = flatBonusType("fractionalWeights", (_s, _network, w) => {
  w.active[0] = 0.5;
});

type Split = Record<number, { active: number; residual: number; leveraged: number; unclassified: number }>;

/** Pays the periods on one engine and returns the last period's split of every member paid anything. */
function splitOf(engine: "fast" | "reference", plan: PlanInput<AnyComponentType>, periods: readonly Omit<NetworkRecords, "period">[]): Split {
  const compiled = compilePlan(plan, { components: [flatBonus, hugeWeights, fractionalWeights] });
  const payer = engine === "fast" ? createFastEngine(compiled) : createReferenceEngine(compiled);
  const setup = { seed: 1, digits: 2, plan: compiled, components: compiled.components.map((c) => c.name), planIndex: 0, engine } as unknown as CollectorSetup;
  const collector = memberPeriodsCollector(setup, resolveMemberPeriodsOptions({ columns: ["byComponent", "incomeActive", "incomeResidual", "incomeLeveraged", "incomeUnclassified"] }));
  periods.forEach((records, period) => {
    const network = networkFromRecords({ ...records, period });
    collector.period({ period, network, payout: payer.pay(network), stats: {} as never });
  });
  const out: Split = {};
  for (const row of memberPeriodRows(collector.result(), { from: periods.length - 1 })) {
    // The four kinds always sum to what she was paid (gross: every component).
    expect(row.incomeActive! + row.incomeResidual! + row.incomeLeveraged! + row.incomeUnclassified!).toBe(row.gross);
    if (row.gross === 0) continue;
    out[row.member] = { active: row.incomeActive!, residual: row.incomeResidual!, leveraged: row.incomeLeveraged!, unclassified: row.incomeUnclassified! };
  }
  return out;
}

const ENGINES = ["fast", "reference"] as const;

describe.each(ENGINES)("income split by hand (%s engine)", (engine) => {
  it("customer commission: a new customer's order is active, a renewal residual; unilevel leveraged; fast start active", () => {
    // A = 0 (joined 5 periods ago), B = 1 under A, joined this period.
    const plan: PlanInput<AnyComponentType> = {
      activity: { minPv: "0" },
      components: [
        { type: "customerCommission", rate: "0.20" },
        { type: "unilevel", rates: ["0.10"], compression: "none" },
        { type: "fastStart", rates: ["0.25"], periods: 1 },
      ],
    };
    const split = splitOf(engine, plan, [
      {
        uplines: [-1, 0],
        joinPeriods: [-5, 0],
        orders: [
          sale(0, 10, 125_00, 100_00, 0), // A's customer 10, acquired now: her first order, CV 100.00
          sale(0, 11, 60_00, 50_00, -3), // A's customer 11, acquired 3 periods ago: a renewal, CV 50.00
          own(1, 100_00), // B's own order, CV 100.00
        ],
      },
    ]);
    // customerCommission, A: 0.20 × (100.00 + 50.00) = 30.00, weights 10,000 (new) : 5,000 (renewal)
    //   → active 30.00 × 10,000/15,000 = 20.00, residual 30.00 × 5,000/15,000 = 10.00.
    // unilevel, A: level 1 of B's 100.00 → 0.10 × 100.00 = 10.00, leveraged (A's own customers pay no unilevel: she is the top).
    // fastStart, A: B is new (0 − 0 < 1 period), her PV 100.00 → 0.25 × 100.00 = 25.00, active.
    // A: active 20.00 + 25.00 = 45.00; residual 10.00; leveraged 10.00; total 65.00. B is paid nothing.
    expect(split).toEqual({ 0: { active: 45_00, residual: 10_00, leveraged: 10_00, unclassified: 0 } });
  });

  it("affiliate two tiers with a step-down and retail profit: level 1 active or residual, level 2 leveraged", () => {
    // A = 0 at the top, B = 1 under A, C = 2 under B.
    const plan: PlanInput<AnyComponentType> = {
      activity: { minPv: "0" },
      components: [
        { type: "affiliate", rates: ["0.25", "0.05"], stepDown: { afterPeriods: 3, rates: ["0.10", "0.02"] } },
        { type: "retailProfit", discount: "0.20" },
      ],
    };
    const split = splitOf(engine, plan, [
      {
        uplines: [-1, 0, 1],
        orders: [
          sale(2, 20, 40_00, 30_00, 0), // C's new customer: 40.00
          sale(1, 21, 20_00, 15_00, -1), // B's customer of 1 period: 20.00 (full rates)
          sale(1, 22, 30_00, 25_00, -6), // B's customer of 6 periods ≥ 3: 30.00 (step-down rates)
        ],
      },
    ]);
    // Affiliate (on the price): C level 1 0.25 × 40.00 = 10.00 (new: active); B level 2 0.05 × 40.00 = 2.00 (leveraged).
    //   B level 1 0.25 × 20.00 = 5.00 and 0.10 × 30.00 = 3.00 (residual); A level 2 0.05 × 20.00 = 1.00 and 0.02 × 30.00 = 0.60 (leveraged).
    //   B's weights (price × scaled rate, scale 100): residual 2,000 × 25 + 3,000 × 10 = 80,000, leveraged 4,000 × 5 = 20,000:
    //   her 10.00 splits 8.00 / 2.00 exactly.
    // Retail profit (0.20 × price): C 0.20 × 40.00 = 8.00 (new customer: active); B 0.20 × (20.00 + 30.00) = 10.00 (residual).
    // A: leveraged 1.60. B: residual 8.00 + 10.00 = 18.00, leveraged 2.00. C: active 10.00 + 8.00 = 18.00.
    expect(split).toEqual({
      0: { active: 0, residual: 0, leveraged: 1_60, unclassified: 0 },
      1: { active: 0, residual: 18_00, leveraged: 2_00, unclassified: 0 },
      2: { active: 18_00, residual: 0, leveraged: 0, unclassified: 0 },
    });
  });

  it("a first-order affiliate is all active; a component without `income` is unclassified", () => {
    const plan: PlanInput<AnyComponentType> = {
      activity: { minPv: "0" },
      components: [
        { type: "affiliate", rates: ["0.30"], mode: "firstOrder" },
        { type: "flatBonus" },
      ],
    };
    const split = splitOf(engine, plan, [{ uplines: [-1, 0], orders: [sale(1, 30, 500_00, 500_00, 0), sale(1, 31, 500_00, 500_00, -2)] }]);
    // B's new customer pays 0.30 × 500.00 = 150.00 (active); the old customer's order pays nothing in firstOrder mode.
    // flatBonus pays 1.00 to A and B and says nothing of its kind: unclassified.
    expect(split).toEqual({
      0: { active: 0, residual: 0, leveraged: 0, unclassified: 1_00 },
      1: { active: 150_00, residual: 0, leveraged: 0, unclassified: 1_00 },
    });
  });

  it("rounding: the cents left over go to the largest remainders, ties in the order active, residual, leveraged", () => {
    const plan: PlanInput<AnyComponentType> = { activity: { minPv: "0" }, components: [{ type: "customerCommission", rate: "0.10" }] };
    const split = splitOf(engine, plan, [
      {
        uplines: [-1, -1],
        orders: [
          // Member 0: a new customer's CV 0.05 and a renewal's CV 0.05.
          sale(0, 40, 5, 5, 0),
          sale(0, 41, 5, 5, -1),
          // Member 1: a new customer's CV 0.05 and a renewal's CV 0.10.
          sale(1, 42, 5, 5, 0),
          sale(1, 43, 10, 10, -1),
        ],
      },
    ]);
    // Member 0: 0.10 × 10 cents = 1 cent exactly. Weights 5 : 5 → 1 × 5/10 = 0.5 each: floors 0 and 0, remainders equal:
    //   the tie goes to active. Active 1, residual 0.
    // Member 1: 0.10 × 15 cents = 1.5 → half-even 2 cents. Weights 5 : 10 (of 15) → exact 0.67 and 1.33: floors 0 and 1,
    //   remainders 2 × 5 mod 15 = 10 and 2 × 10 mod 15 = 5; the one cent left goes to the larger remainder, active.
    //   Active 1, residual 1.
    expect(split).toEqual({
      0: { active: 1, residual: 0, leveraged: 0, unclassified: 0 },
      1: { active: 1, residual: 1, leveraged: 0, unclassified: 0 },
    });
  });

  it("rounding: a tie between residual and leveraged goes to residual", () => {
    const plan: PlanInput<AnyComponentType> = { activity: { minPv: "0" }, components: [{ type: "affiliate", rates: ["0.10", "0.10"] }] };
    const split = splitOf(engine, plan, [{ uplines: [-1, 0], orders: [sale(0, 50, 5, 5, -1), sale(1, 51, 5, 5, -1)] }]);
    // A: level 1 on her renewal 0.10 × 5 = 0.5 cent (residual), level 2 on B's renewal 0.10 × 5 = 0.5 cent (leveraged):
    //   1 cent. Weights 50 : 50: a tie, to residual. B: level 1 0.5 cent → half-even 0: paid nothing.
    expect(split).toEqual({ 0: { active: 0, residual: 1, leveraged: 0, unclassified: 0 } });
  });

  it("caps: the split is of what she was paid, after the cap", () => {
    const plan: PlanInput<AnyComponentType> = {
      activity: { minPv: "0" },
      components: [{ type: "customerCommission", rate: "0.50" }],
      caps: { perMember: { amount: "30.00" } },
    };
    const split = splitOf(engine, plan, [{ uplines: [-1], orders: [sale(0, 60, 40_00, 40_00, 0), sale(0, 61, 40_00, 40_00, -1)] }]);
    // 0.50 × 80.00 = 40.00, capped to 30.00; weights 4,000 : 4,000 → 15.00 active, 15.00 residual.
    expect(split).toEqual({ 0: { active: 15_00, residual: 15_00, leveraged: 0, unclassified: 0 } });
  });
});

describe("every built-in component says what kind of income it pays", () => {
  it("one kind for all its pay, or weights by order for those paying on customers' orders (the README's table)", () => {
    const kinds = Object.fromEntries(BUILT_IN_COMPONENTS.map((c) => [c.type, typeof c.income === "function" ? "by order" : c.income]));
    expect(kinds).toEqual({
      customerCommission: "by order",
      retailProfit: "by order",
      affiliate: "by order",
      fastStart: "active",
      rankAdvancement: "active",
      unilevel: "leveraged",
      stairstep: "leveraged",
      differential: "leveraged",
      groupVolume: "leveraged",
      generation: "leveraged",
      matching: "leveraged",
      pool: "leveraged",
      matrix: "leveraged",
      binary: "leveraged",
    });
  });
});

describe("income split: custom weights", () => {
  it("weights past 2^53 are scaled down exactly; weights that are not whole numbers are refused", () => {
    const plan = (type: string): PlanInput<AnyComponentType> => ({ activity: { minPv: "0" }, components: [{ type }] });
    // 1.00 split 3 : 1 → 75 cents active, 25 residual.
    expect(splitOf("fast", plan("hugeWeights"), [{ uplines: [-1], orders: [] }])).toEqual({ 0: { active: 75, residual: 25, leveraged: 0, unclassified: 0 } });
    expect(() => splitOf("fast", plan("fractionalWeights"), [{ uplines: [-1], orders: [] }])).toThrow(/income weights of component "fractionalWeights": expected whole numbers ≥ 0, got 0.5/);
  });
});

describe("income split: both engines", () => {
  it("give the same split over several periods of one world", () => {
    const plan: PlanInput<AnyComponentType> = {
      activity: { minPv: "0" },
      components: [
        { type: "customerCommission", rate: "0.15" },
        { type: "affiliate", rates: ["0.07", "0.03"] },
        { type: "retailProfit", discount: "0.33" },
        { type: "unilevel", rates: ["0.05", "0.04"] },
      ],
    };
    const periods = [0, 1, 2].map((t) => ({
      uplines: [-1, 0, 0, 1],
      orders: [sale(1, 70, 33_33, 27_77, 0), sale(3, 71, 19_99, 17_01, t - 1), sale(2, 72 + t, 12_34, 9_87, t), own(3, 50_01)],
    }));
    const fast = splitOf("fast", plan, periods);
    expect(splitOf("reference", plan, periods)).toEqual(fast);
    // Period 2: member 1 earns on her renewing customer 70 (residual) and on member 3's customer and own order (leveraged);
    // member 2's customer is new (active).
    expect(fast[1]!.residual).toBeGreaterThan(0);
    expect(fast[1]!.leveraged).toBeGreaterThan(0);
    expect(fast[2]!.active).toBeGreaterThan(0);
  });
});
