/** Reconciliation against amounts actually paid: differences per member and period, largest first; numbers computed by hand. */
import { describe, expect, it } from "vitest";
import { importHistory } from "../../src/history/import.js";
import { importPaid, paidFromRecords } from "../../src/history/paid.js";
import { replay } from "../../src/run/replay.js";
import { reconcile } from "../../src/analysis/reconcile.js";
import { DownlineInputError } from "../../src/validate/errors.js";
import type { PlanInput } from "../../src/plan/plan.js";

const history = await importHistory({
  members: "id,sponsor,joined\nA,,2025-01-01\nB,A,2025-01-02\nC,B,2025-01-03\n",
  orders: "date,member,price,cv\n2025-01-05,B,100,100\n2025-01-06,C,200,200\n2025-02-05,C,100,100\n",
});
// Unilevel 10% / 5%, everyone active: January A 10.00 + 10.00 (5% of C's 200), B 20.00; February A 5.00, B 10.00.
const plan: PlanInput = { activity: { minPv: "0" }, components: [{ type: "unilevel", name: "uni", rates: ["0.10", "0.05"] }, { type: "customerCommission", name: "cust", rate: "0.5" }] };
const result = replay(history, plan);

describe("reconcile", () => {
  it("lists every differing member-period, largest first, with what matched", async () => {
    const paid = await importPaid("member,period,amount\nA,2025-01,20.00\nB,2025-01,19.00\nA,2025-02-14,5.00\nC,2025-02,3.00\n", history);
    const r = reconcile(result, paid);
    expect(r.differences).toEqual([
      { member: "B", index: 1, period: 1, label: "2025-02", component: "", paid: 0, computed: 10_00, difference: -10_00 },
      { member: "C", index: 2, period: 1, label: "2025-02", component: "", paid: 3_00, computed: 0, difference: 3_00 },
      { member: "B", index: 1, period: 0, label: "2025-01", component: "", paid: 19_00, computed: 20_00, difference: -1_00 },
    ]);
    expect(r).toMatchObject({ lines: 5, matching: 2, paidTotal: 47_00, computedTotal: 55_00 });
  });

  it("compares by component where the file names one; clawbacks are negative", () => {
    const paid = paidFromRecords(
      [
        { member: "A", period: "2025-01", amount: "20.00", component: "uni" },
        { member: "B", period: "2025-02", amount: "-2.50", component: "uni" },
      ],
      history,
    );
    const r = reconcile(result, paid);
    expect(r.differences.map((d) => [d.member, d.label, d.component, d.difference])).toEqual([
      ["B", "2025-01", "", -20_00],
      ["B", "2025-02", "uni", -12_50],
      ["A", "2025-02", "", -5_00],
    ]);
  });

  it("reads paid files with their problems named by line and field", async () => {
    let thrown: unknown;
    try {
      await importPaid({ name: "paid.csv", data: "member,period,amount\nZ,2025-01,1.00\nA,2024-12,1.00\nA,2025-01,1.005\nA,soon,1\n" }, history);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DownlineInputError);
    expect((thrown as DownlineInputError).issues.map((i) => i.path)).toEqual(["paid.csv:2: member", "paid.csv:3: period", "paid.csv:4: amount", "paid.csv:5: period"]);
    expect((thrown as DownlineInputError).message).toMatch(/2024-12 is outside the history \(2025-01 to 2025-02\)/);
  });

  it("refuses a ledger-less result and unknown components", async () => {
    const paid = await importPaid("member,period,amount\nA,2025-01,20.00\n", history);
    expect(() => reconcile(replay(history, plan, { ledger: false }), paid)).toThrow(/no ledger/);
    expect(() => reconcile(result, paid, { components: ["nope"] })).toThrow(/no component "nope"/);
    expect(reconcile(result, paid, { components: ["uni"] }).differences.map((d) => d.difference)).toEqual([-20_00, -10_00, -5_00]);
  });
});
