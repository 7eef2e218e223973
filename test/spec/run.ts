/**
 * The spec-suite runner: each case runs on both engines, which must produce
 * exactly the hand-computed amounts. Component files add their own cases files
 * and call this from their own test file.
 */
import { describe, expect, it } from "vitest";
import {
  compilePlan,
  createFastEngine,
  createReferenceEngine,
  formatMinor,
  networkFromRecords,
  type AnyComponentType,
} from "../../src/index.js";
import type { SpecCase } from "./cases.js";

/** Extra (custom) component types: each carries its fast kernel and its reference rule. */
export interface SpecOptions<Custom extends AnyComponentType = AnyComponentType> {
  readonly components?: readonly Custom[];
}

export function runSpecCases<Custom extends AnyComponentType = never>(title: string, cases: readonly SpecCase<NoInfer<Custom>>[], options: SpecOptions<Custom> = {}): void {
  const engines = {
    fast: (plan: SpecCase<Custom>["plan"]) => createFastEngine(compilePlan(plan, { components: options.components })),
    reference: (plan: SpecCase<Custom>["plan"]) =>
      createReferenceEngine(compilePlan(plan, { components: options.components })),
  } as const;
  describe.each(Object.entries(engines))(`${title} on the %s engine`, (_, create) => {
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const engine = create(c.plan);
      const periods = c.periods ?? [{ uplines: c.uplines, alive: c.alive, orders: c.orders, joinPeriods: c.joinPeriods, placement: c.placement, packages: c.packages }];
      let payout = engine.pay(networkFromRecords({ ...periods[0]!, period: 0 }));
      for (let t = 1; t < periods.length; t++) payout = engine.pay(networkFromRecords({ ...periods[t]!, period: t }));
      // Expectations are of the last period.
      const paid: Record<string, Record<number, string>> = {};
      const breakage: Record<string, string> = {};
      payout.components.forEach((name, k) => {
        paid[name] = {};
        payout.amounts[k]!.forEach((a, payee) => {
          if (payee < payout.size && a !== 0) paid[name]![payee] = formatMinor(a, 2);
        });
        breakage[name] = formatMinor(payout.breakage[k]!, 2);
        // The component total is the exact sum of its lines.
        expect(payout.paid[k]).toBe(Array.from(payout.amounts[k]!.subarray(0, payout.size)).reduce((s, a) => s + a, 0));
      });
      expect(paid).toEqual(c.paid);
      if (c.capped) expect(Object.fromEntries(payout.components.map((name, k) => [name, formatMinor(payout.capped[k]!, 2)]))).toEqual(c.capped);
      expect(breakage).toEqual(c.breakage);
      if (c.ranks !== undefined) {
        const names = (c.plan.ranks ?? []).map((r) => r.name);
        const ranks: Record<number, string> = {};
        for (let i = 0; i < payout.size; i++) if (payout.rank[i]) ranks[i] = names[payout.rank[i]! - 1]!;
        expect(ranks).toEqual(c.ranks);
      }
      if (c.volumes) {
        for (const [member, [pv, gv, largestLeg, legs]] of Object.entries(c.volumes)) {
          const i = Number(member);
          expect([formatMinor(payout.pv[i]!, 2), formatMinor(payout.gv[i]!, 2), formatMinor(payout.largestLeg[i]!, 2), payout.frontline[i]]).toEqual([
            pv,
            gv,
            largestLeg,
            legs,
          ]);
        }
      }
      if (c.measures) {
        for (const [name, expected] of Object.entries(c.measures)) {
          const values = payout.measures.get(name)!;
          const found: Record<number, number | string> = {};
          for (let i = 0; i < payout.size; i++) {
            if (values[i] === 0) continue;
            const want = expected[i];
            found[i] = typeof want === "string" ? formatMinor(values[i]!, 2) : values[i]!;
          }
          expect(found, `measure ${name}`).toEqual(expected);
        }
      }
      if (c.active) {
        const active = [...payout.active.subarray(0, payout.size)].flatMap((a, i) => (a ? [i] : []));
        expect(active).toEqual(c.active);
      }
    });
  });
}
