/** A history as CSV: the files importHistory reads, dates placed so that they import back to the same history. */
import { describe, expect, it } from "vitest";
import { historyFromRecords, importHistory } from "../../src/history/import.js";
import { historyCsvPieces } from "../../src/output/history-csv.js";

const h = historyFromRecords({
  members: [
    { id: "A", sponsor: null, joined: "2025-01-01", parent: null, slot: null },
    { id: "B,1", sponsor: "A", joined: "2025-01-20", parent: "A", slot: "R", quit: "2025-02-10" },
    { id: 'C "x"', sponsor: "A", joined: "2025-02-01", parent: "A", slot: "L" },
  ],
  customers: [{ id: "c1", distributor: "B,1", acquired: "2025-01-25", churned: "2025-02-05" }],
  orders: [
    { id: "x", date: "2025-01-26", customer: "c1", price: "10.50", cv: "8", recurring: true },
    { id: "y", date: "2025-02-02", member: 'C "x"', price: "100", cv: "80", qv: "70" },
  ],
});
const csv = (file: "members" | "customers" | "orders", dates: "first" | "spread" = "first") => [...historyCsvPieces(h, file, { dates })].join("");

describe("historyCsvPieces", () => {
  it("writes members, customers and orders, quoting where CSV needs it; a quit as the last day of her last period", () => {
    expect(csv("members")).toBe('id,sponsor,joined,quit,parent,slot\nA,,2025-01-01,,,\n"B,1",A,2025-01-01,2025-02-28,A,R\n"C ""x""",A,2025-02-01,,A,L\n');
    expect(csv("customers")).toBe('id,distributor,acquired,churned\nc1,"B,1",2025-01-01,2025-02-28\n');
    expect(csv("orders")).toBe('id,date,member,customer,price,cv,qv,recurring\nO1,2025-01-01,,c1,10.50,8.00,0.00,1\nO2,2025-02-01,"C ""x""",,100.00,80.00,70.00,0\n');
  });

  it("imports back to the same history, dates on the first day or spread", async () => {
    for (const dates of ["first", "spread"] as const) {
      const again = await importHistory({ members: csv("members", dates), customers: csv("customers", dates), orders: csv("orders", dates) });
      expect(again.members.sponsor).toEqual(h.members.sponsor);
      expect(again.members.quitPeriod).toEqual(h.members.quitPeriod);
      expect(again.members.placement).toEqual(h.members.placement);
      expect(again.customers.churnPeriod).toEqual(h.customers.churnPeriod);
      expect(again.orders).toEqual(h.orders);
    }
  });
});
