/** Paid amounts read against a history: CSV, JSON Lines and records alike, every problem named. */
import { describe, expect, it } from "vitest";
import { historyFromRecords } from "../../src/history/import.js";
import { importPaid, paidFromRecords } from "../../src/history/paid.js";

const history = historyFromRecords({
  members: [
    { id: "A", sponsor: null, joined: "2025-01-01" },
    { id: "B", sponsor: "A", joined: "2025-01-02" },
  ],
  orders: [
    { date: "2025-01-05", member: "B", price: 10, cv: 10 },
    { date: "2025-03-05", member: "B", price: 10, cv: 10 },
  ],
});

describe("paid amounts", () => {
  it("read periods as labels or dates, amounts in major units (negative: a clawback), components when named", async () => {
    const csv = await importPaid("Member,PERIOD,amount,component\nB,2025-01,12.50,uni\nA,2025-03-31,-1,\n", history);
    expect([...csv.member]).toEqual([1, 0]);
    expect([...csv.period]).toEqual([0, 2]);
    expect([...csv.amount]).toEqual([12_50, -1_00]);
    expect(csv.component).toEqual(["uni", ""]);
    const jsonl = await importPaid({ name: "paid.jsonl", data: '{"member":"B","period":"2025-01","amount":12.5,"component":"uni"}\n\n{"member":"A","period":"2025-03","amount":"-1"}\n' }, history);
    expect([...jsonl.amount]).toEqual([12_50, -1_00]);
    const renamed = paidFromRecords([{ payee: "B", month: "2025-02", paid: "3" }], history, { columns: { member: "payee", period: "month", amount: "paid" } });
    expect([...renamed.period]).toEqual([1]);
  });

  it("name every bad record", () => {
    expect(() => paidFromRecords([{ member: "Z", period: "2025-01", amount: "1" }, { member: "A", period: "2025-04", amount: "x" }], history)).toThrow(
      /downline\/paid: paid\[0\]: member: unknown member "Z"\ndownline\/paid: paid\[1\]: period: 2025-04 is outside the history \(2025-01 to 2025-03\)\ndownline\/paid: paid\[1\]: amount/,
    );
  });
});
