import { describe, expect, it } from "vitest";
import { createFastEngine, createReferenceEngine, formatMinor, networkFromRecords } from "../../src/index.js";
import { SPEC_CASES } from "./cases.js";

const ENGINES = { fast: createFastEngine, reference: createReferenceEngine } as const;

describe.each(Object.entries(ENGINES))("spec suite on the %s engine", (_, create) => {
  it.each(SPEC_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const engine = create(c.plan);
    const network = networkFromRecords({ uplines: c.uplines, alive: c.alive, orders: c.orders });
    const payout = engine.pay(network);
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
    if (c.active) {
      const active = [...payout.active.subarray(0, payout.size)].flatMap((a, i) => (a ? [i] : []));
      expect(active).toEqual(c.active);
    }
  });
});
