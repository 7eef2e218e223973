/**
 * Reconciliation: what a replay computed beside what the business actually
 * paid, per member and period, largest differences first.
 *
 * @module
 */
import { periodLabel } from "../history/calendar.js";
import type { PaidAmounts } from "../history/paid.js";
import type { SimulationResult } from "./result.js";

/** One member's period (and component, when the paid file names one), paid beside computed. Money in minor units. */
export interface ReconciliationLine {
  /** The member's external id. */
  readonly member: string;
  /** Her index in the history (and the result). */
  readonly index: number;
  readonly period: number;
  /** The period's label (`2025-01`, `2025-W05`). */
  readonly label: string;
  /** The component, or "" for the member's total over the reconciled components. */
  readonly component: string;
  readonly paid: number;
  readonly computed: number;
  /** `paid − computed`. */
  readonly difference: number;
}

/** A reconciliation: every differing line, largest first, and the totals. */
export interface Reconciliation {
  /** Lines whose paid and computed amounts differ, by |difference| descending, then period, then member. */
  readonly differences: ReconciliationLine[];
  /** (member, period[, component]) lines compared: those in the paid file or with a computed amount. */
  readonly lines: number;
  /** Lines equal to the cent. */
  readonly matching: number;
  readonly paidTotal: number;
  readonly computedTotal: number;
}

/**
 * Compares a replay's ledger with amounts actually paid ({@link importPaid}):
 * per member and period — per component too for rows that name one — every
 * line where they differ, largest difference first, as tidy records. A
 * member paid nothing where the replay computed something (or the reverse)
 * is a difference like any other. Without a component, a member's period is
 * compared with her total over `components` (default: every component of the
 * plan; leave out those the company does not pay, such as retail profit).
 *
 * @example
 * const result = replay(history, plan);
 * const { differences } = reconcile(result, await importPaid(paidCsv, history));
 * differences[0] // => { member: "M17", index: 16, period: 3, label: "2025-04", component: "", paid: 12000, computed: 11250, difference: 750 }
 */
export function reconcile(result: SimulationResult, paid: PaidAmounts, options: { readonly components?: readonly string[] } = {}): Reconciliation {
  const history = paid.history;
  const ledger = result.ledger;
  if (ledger.length === 0 && result.periods.some((r) => r.payout + r.customerPaid !== 0)) {
    throw new RangeError("downline/reconcile: the result has no ledger (run the replay with ledger: true, the default)");
  }
  const chosen = new Set(options.components ?? ledger.components);
  for (const c of chosen) if (!ledger.components.includes(c)) throw new RangeError(`downline/reconcile: components: the plan has no component ${JSON.stringify(c)} (it has ${ledger.components.join(", ")})`);
  const key = (member: number, period: number, component: string) => `${period}\u0000${member}\u0000${component}`;
  const lines = new Map<string, { member: number; period: number; component: string; paid: number; computed: number }>();
  const line = (member: number, period: number, component: string) => {
    const k = key(member, period, component);
    let l = lines.get(k);
    if (!l) lines.set(k, (l = { member, period, component, paid: 0, computed: 0 }));
    return l;
  };
  // Which (member, period) pairs are reconciled by component and which in total.
  const byComponent = new Set<string>();
  for (let e = 0; e < paid.count; e++) {
    const component = paid.component[e]!;
    if (component !== "" && !ledger.components.includes(component)) {
      throw new RangeError(`downline/reconcile: paid entry ${e}: the plan has no component ${JSON.stringify(component)} (it has ${ledger.components.join(", ")})`);
    }
    if (component !== "") byComponent.add(key(paid.member[e]!, paid.period[e]!, ""));
    line(paid.member[e]!, paid.period[e]!, component).paid += paid.amount[e]!;
  }
  for (const chunk of ledger.chunks) {
    const component = ledger.components[chunk.component]!;
    for (let k = 0; k < chunk.payee.length; k++) {
      const member = chunk.payee[k]!;
      const amount = chunk.amount[k]!;
      if (byComponent.has(key(member, chunk.period, ""))) line(member, chunk.period, component).computed += amount;
      else if (chosen.has(component)) line(member, chunk.period, "").computed += amount;
    }
  }
  const differences: ReconciliationLine[] = [];
  let matching = 0;
  let paidTotal = 0;
  let computedTotal = 0;
  for (const l of lines.values()) {
    paidTotal += l.paid;
    computedTotal += l.computed;
    if (l.paid === l.computed) {
      matching += 1;
      continue;
    }
    differences.push({
      member: history.members.ids.text(l.member),
      index: l.member,
      period: l.period,
      label: periodLabel(history.calendar, l.period),
      component: l.component,
      paid: l.paid,
      computed: l.computed,
      difference: l.paid - l.computed,
    });
  }
  differences.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.period - b.period || a.index - b.index || (a.component < b.component ? -1 : 1));
  return { differences, lines: lines.size, matching, paidTotal, computedTotal };
}
