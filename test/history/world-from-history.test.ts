/**
 * A history replayed into a world, period by period, checked by hand: who
 * is a member when, uplines after quits, customers moving up, the counts.
 */
import { describe, expect, it } from "vitest";
import { historyFromRecords } from "../../src/history/import.js";
import { createHistoryWorld } from "../../src/history/world-from-history.js";
import { replayScenario } from "../../src/run/replay.js";

// A (root) ← B ← C; B quits on 2025-02-10 (a member through February); D joins in March under B (rolled up to A).
// E joined and quit before the start (2024), with F under her: F starts under A.
const history = historyFromRecords(
  {
    members: [
      { id: "A", sponsor: null, joined: "2024-01-01" },
      { id: "E", sponsor: "A", joined: "2024-02-01", quit: "2024-06-30" },
      { id: "F", sponsor: "E", joined: "2024-03-01" },
      { id: "B", sponsor: "A", joined: "2025-01-05", quit: "2025-02-10" },
      { id: "C", sponsor: "B", joined: "2025-01-20" },
      { id: "D", sponsor: "B", joined: "2025-03-02" },
    ],
    customers: [
      { id: "k", distributor: "B", acquired: "2025-01-06" },
      { id: "old", distributor: "F", acquired: "2024-05-01", churned: "2025-01-31" },
    ],
    orders: [
      { date: "2025-01-07", customer: "k", price: "50", cv: "40", recurring: true },
      { date: "2025-02-07", customer: "k", price: "50", cv: "40", recurring: true },
      { date: "2025-03-07", customer: "k", price: "50", cv: "40", recurring: true },
      { date: "2025-03-08", member: "D", price: "100", cv: "100" },
    ],
  },
  { start: "2025-01" },
);

describe("a history replayed into a world", () => {
  it("members, uplines, customers and counts, period by period", () => {
    const w = createHistoryWorld(history, replayScenario(history));
    const world = w.world;
    // Before the start: A, E (gone), F (rolled up to A); the customer "old" with F.
    expect(world.size).toBe(3);
    expect([...world.alive.subarray(0, 3)]).toEqual([1, 0, 1]);
    expect(world.upline[2]).toBe(0);
    expect(world.customers).toBe(1);
    const jan = w.step();
    expect(jan.stats).toMatchObject({ period: 0, members: 4, joins: 2, quits: 0, customers: 2, newCustomers: 1, lostCustomers: 0, orders: 1, revenueCustomers: 50_00 });
    expect(jan.network.customerCv[3]).toBe(40_00);
    const feb = w.step();
    // "old" churned on January 31st: gone from February.
    expect(feb.stats).toMatchObject({ period: 1, members: 4, joins: 0, quits: 0, customers: 1, lostCustomers: 1 });
    const mar = w.step();
    // B quit on February 10th: gone from March; C rolls up to A; D joins under B, placed under A; k moves up to A.
    expect(mar.stats).toMatchObject({ period: 2, members: 4, joins: 1, quits: 1, customers: 1, revenueDistributors: 100_00 });
    expect(world.alive[3]).toBe(0);
    expect(world.upline[4]).toBe(0);
    expect(world.upline[5]).toBe(0);
    expect(world.sponsor[5]).toBe(3);
    expect(world.quitPeriod[3]).toBe(2);
    expect(mar.network.customerCv[0]).toBe(40_00);
    expect([...mar.network.members.subarray(0, mar.network.memberCount)]).toEqual([0, 2, 4, 5]);
    expect(() => w.step()).toThrow(/past its end/);
    expect(w.handOver()).toEqual({ members: 4, customers: 1, oneTimeCustomers: 0 });
    expect(world.customerPrice[0]).toBe(50_00);
  });
});
