/**
 * The reference definition of caps (see src/plan/caps.ts), on plain objects:
 * every capped line as a record, scaled by the exact largest-remainder split.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { roundDecimal, type RoundingMode } from "../../money/round.js";
import type { CompiledCaps } from "../../plan/caps.js";
import { allocate } from "../../money/allocate.js";

interface Line {
  readonly component: number;
  readonly payee: number;
  amount: number;
}

/** Lines scaled to sum to `target` when they sum to more: split by largest remainder, in line order ({@link allocate}). */
function scaleLines(lines: Line[], target: number): void {
  const sum = lines.reduce((s, l) => s + l.amount, 0);
  if (sum <= target) return;
  const parts = allocate(target, lines.map((l) => l.amount));
  lines.forEach((l, k) => (l.amount = parts[k]!));
}

/** Applies the caps to `rows` (component × payee, whole minor units) in place; returns the removed amount per component. */
export function applyCapsReference(caps: CompiledCaps, rows: readonly Float64Array[], cvTotal: Decimal, mode: RoundingMode): number[] {
  const before = rows.map((row) => row.reduce((s, x) => s + x, 0));
  const linesOf = (components: readonly number[]): Line[] =>
    components.flatMap((component) => Array.from(rows[component]!, (amount, payee) => ({ component, payee, amount })).filter((l) => l.amount !== 0));
  const write = (lines: readonly Line[]) => lines.forEach((l) => (rows[l.component]![l.payee] = l.amount));
  if (caps.perMember) {
    const lines = linesOf(caps.perMember.components);
    const payees = [...new Set(lines.map((l) => l.payee))];
    for (const payee of payees) {
      const mine = lines.filter((l) => l.payee === payee);
      scaleLines(mine, caps.perMember.amount);
      write(mine);
    }
  }
  if (caps.payout) {
    const cap = roundDecimal(caps.payout.share.times(cvTotal), mode).toNumber();
    // What the company pays: retail profit, paid by customers, is not counted.
    const total = caps.company.reduce((s, c) => s + rows[c]!.reduce((t, x) => t + x, 0), 0);
    if (total > cap) {
      const lines = linesOf(caps.payout.components);
      const cappedTotal = lines.reduce((s, l) => s + l.amount, 0);
      scaleLines(lines, Math.max(0, cap - (total - cappedTotal)));
      write(lines);
    }
  }
  return rows.map((row, c) => before[c]! - row.reduce((s, x) => s + x, 0));
}
