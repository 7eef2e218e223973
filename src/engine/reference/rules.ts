/**
 * The reference definition of each component type: what it pays whom, on one
 * period, in exact decimals (minor units). Each rule returns the unrounded
 * amount per payee and what the component's headline rates would pay.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../money/exact.js";
import type { OrderRecord, PlacementTree } from "../../world/network.js";
import type { RoundingMode } from "../../money/round.js";
import type { CustomerCommissionSettings } from "../../plan/components/customer-commission.js";
import type { UnilevelSettings } from "../../plan/components/unilevel.js";
import { stairstepRule } from "./rules/stairstep.js";
import { generationRule } from "./rules/generation.js";
import { matchingRule } from "./rules/matching.js";
import { poolRule } from "./rules/pool.js";
import { fastStartRule } from "./rules/fast-start.js";
import { rankAdvancementRule } from "./rules/rank-advancement.js";
import { affiliateRule } from "./rules/affiliate.js";
import { retailProfitRule } from "./rules/retail-profit.js";
import { matrixRule } from "./rules/matrix.js";
import { binaryRule } from "./rules/binary.js";

/** A member as the reference engine sees her in one period. */
export interface ReferenceMember {
  readonly id: number;
  /** Current upline, -1 at the top. */
  readonly upline: number;
  readonly alive: boolean;
  ownCv: Decimal;
  customerCv: Decimal;
  /** Own CV + personal customers' CV. */
  pv: Decimal;
  /** PV of the member and of everyone below her. */
  gv: Decimal;
  /** Current members she sponsors (after roll-up): the roots of her legs. */
  readonly frontline: number[];
  /** Alive and PV at least the plan's threshold. */
  active: boolean;
  /** Paid-as rank this period (1-based; 0 for none). */
  rank: number;
  /** Highest paid-as rank ever, this period included. */
  title: number;
}

export interface ReferencePeriod {
  readonly period: number;
  readonly members: readonly ReferenceMember[];
  readonly orders: readonly OrderRecord[];
  /** What the components that ran before paid this period, rounded, by component name then payee. */
  readonly paid: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** Join period of each member, by id. */
  readonly joinPeriod: (member: number) => number;
  /** Minor-unit digits of the run's currency. */
  readonly digits: number;
  /** The plan's rounding mode. */
  readonly rounding: RoundingMode;
  /** The placement tree, when the network has one (binary and matrix plans). */
  readonly placement?: PlacementTree;
}

/** Unrounded amounts per payee (minor units), and the headline amount. */
export interface ReferenceAccrual {
  readonly payees: Map<number, Decimal>;
  readonly headline: Decimal;
}

/**
 * A component's reference rule. `state` is the component's own, kept by the
 * engine from period to period (titles already rewarded, carryover, ...).
 */
export type ReferenceRule = (
  settings: Readonly<Record<string, unknown>>,
  period: ReferencePeriod,
  state: Record<string, unknown>,
) => ReferenceAccrual;

function credit(payees: Map<number, Decimal>, payee: number, amount: Decimal): void {
  payees.set(payee, (payees.get(payee) ?? new ExactDecimal(0)).plus(amount));
}

/** Customer commission: `rate × CV` of each customer order, to the customer's distributor. */
function customerCommission(raw: Readonly<Record<string, unknown>>, { members, orders }: ReferencePeriod): ReferenceAccrual {
  const s = raw as unknown as CustomerCommissionSettings;
  const payees = new Map<number, Decimal>();
  let headline = new ExactDecimal(0);
  for (const order of orders) {
    if (order.customer < 0) continue;
    const amount = s.rate.value.times(order.cv);
    headline = headline.plus(amount);
    const m = members[order.member]!;
    if (!s.requiresActive || m.active) credit(payees, m.id, amount);
  }
  return { payees, headline };
}

/**
 * Unilevel: walking up from the member credited with an order, the k-th upline
 * that holds a level earns `rates[k-1] × CV`. Dynamic compression: only active
 * uplines hold a level. No compression: every upline holds a level, and an
 * inactive one is not paid.
 */
function unilevel(raw: Readonly<Record<string, unknown>>, { members, orders }: ReferencePeriod): ReferenceAccrual {
  const s = raw as unknown as UnilevelSettings;
  const payees = new Map<number, Decimal>();
  let headline = new ExactDecimal(0);
  for (const order of orders) {
    for (const r of s.rates) headline = headline.plus(r.value.times(order.cv));
    let level = 0;
    let up = members[order.member]!.upline;
    while (up !== -1 && level < s.rates.length) {
      const upline = members[up]!;
      if (upline.active) {
        // Within her payable depth (by paid-as rank), she is paid; beyond it her level is breakage.
        if (!s.depthByRank || level < s.depthByRank[upline.rank]!) credit(payees, up, s.rates[level]!.value.times(order.cv));
        level += 1;
      } else if (s.compression === "none") {
        level += 1;
      }
      up = upline.upline;
    }
  }
  return { payees, headline };
}

/** Reference rules by component type. */
export const REFERENCE_RULES: Readonly<Record<string, ReferenceRule>> = {
  customerCommission,
  unilevel,
  stairstep: stairstepRule,
  generation: generationRule,
  matching: matchingRule,
  pool: poolRule,
  fastStart: fastStartRule,
  rankAdvancement: rankAdvancementRule,
  affiliate: affiliateRule,
  retailProfit: retailProfitRule,
  matrix: matrixRule,
  binary: binaryRule,
};
