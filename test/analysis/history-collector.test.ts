/** A run written down as a history: what it keeps, and that it replays to the same pay. */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/run/simulate.js";
import { replay } from "../../src/run/replay.js";
import { historyCollector } from "../../src/analysis/history-collector.js";
import { NEVER } from "../../src/history/history.js";
import { periodLabel } from "../../src/history/calendar.js";

describe("historyCollector", () => {
  const run = simulate({ scenario: { months: 6, start: { network: { distributors: 100 } }, market: { prospects: 3000 } }, seed: 2, collectors: { history: historyCollector({ start: "2024-07-01", memberId: (i) => `D-${i}` }) } });
  const h = run.collected.history;

  it("keeps every member, customer and order of the run", () => {
    expect(h.members.count).toBe(run.memberColumns.size);
    expect(h.members.ids.text(3)).toBe("D-3");
    expect(h.periods).toBe(6);
    expect(periodLabel(h.calendar, 0)).toBe("2024-07");
    expect(h.orders.count).toBe(run.periods.reduce((s, r) => s + r.orders, 0));
    for (let i = 0; i < h.members.count; i++) {
      const quit = run.memberColumns.alive[i] === 1 ? NEVER : run.memberColumns.quitPeriod[i];
      if (h.members.quitPeriod[i] !== quit) throw new Error(`member ${i}`);
    }
    // Customers lost in the first period are kept too (they were there at the start).
    expect(run.periods[0]!.lostCustomers).toBeGreaterThan(0);
    expect([...h.customers.churnPeriod].filter((t) => t === 0).length).toBe(run.periods[0]!.lostCustomers);
  });

  it("replays to the same pay", () => {
    expect(replay(h, { components: [{ type: "unilevel", rates: ["0.1", "0.05"] }] }).periods.map((r) => r.revenue)).toEqual(run.periods.map((r) => r.revenue));
  });
});
