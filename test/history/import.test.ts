/**
 * Importing histories that are right: every source kind, CSV and JSON Lines
 * alike, the join-order rule, periods and what is set aside, the credited
 * member of a customer's order.
 */
import { describe, expect, it } from "vitest";
import { importHistory, historyFromRecords, textChunks } from "../../src/history/import.js";
import { historySummary } from "../../src/history/summary.js";
import { NEVER } from "../../src/history/history.js";
import { periodLabel } from "../../src/history/calendar.js";

const MEMBERS = `id,sponsor,joined,quit,package
A,,2025-01-02,,gold
B,A,2025-01-10,,
C,A,2025-02-03,2025-05-20,silver
D,C,2025-03-01,,gold
`;
const CUSTOMERS = `id,distributor,acquired,churned
c1,B,2025-01-15,
c2,C,2025-02-10,2025-06-30
`;
const ORDERS = `id,date,member,customer,price,cv,qv,recurring
o1,2025-01-12,B,,100.00,80.00,60,1
o2,2025-01-15,,c1,39.00,31.20,,1
o3,2025-02-10,,c2,59.00,47.20,,yes
o4,2025-03-05,D,,125.00,100.00,,0
o5,2025-06-01,,c2,59.00,47.20,,1
`;

const ids = (h: { members: { count: number; ids: { text(i: number): string } } }) => Array.from({ length: h.members.count }, (_, i) => h.members.ids.text(i));

describe("importHistory", () => {
  it("reads members, customers and orders into dense columns, by period", async () => {
    const h = await importHistory({ members: MEMBERS, customers: CUSTOMERS, orders: ORDERS });
    expect(ids(h)).toEqual(["A", "B", "C", "D"]);
    expect([...h.members.sponsor]).toEqual([-1, 0, 0, 2]);
    expect([...h.members.joinPeriod]).toEqual([0, 0, 1, 2]);
    // She quit on 2025-05-20 (period 4): a member through May, gone from June.
    expect([...h.members.quitPeriod]).toEqual([NEVER, NEVER, 5, NEVER]);
    expect(h.members.package).toEqual({ values: ["gold", "silver"], code: Int32Array.from([0, -1, 1, 0]) });
    expect(h.members.role).toBeUndefined();
    expect(h.members.placement).toBeUndefined();
    expect(h.periods).toBe(6);
    expect(periodLabel(h.calendar, 5)).toBe("2025-06");
    expect([...h.orders.periodStart]).toEqual([0, 2, 3, 4, 4, 4, 5]);
    expect([...h.orders.price]).toEqual([100_00, 39_00, 59_00, 125_00, 59_00]);
    expect([...h.orders.qv!]).toEqual([60_00, 0, 0, 0, 0]);
    expect([...h.orders.recurring]).toEqual([1, 1, 1, 0, 1]);
    expect([...h.customers.churnPeriod]).toEqual([NEVER, 6]);
    // c2's June order: her distributor C quit in May, so it goes to C's upline, A.
    expect([...h.orders.member]).toEqual([1, 1, 2, 3, 0]);
    expect([...h.orders.customer]).toEqual([-1, 0, 1, -1, 1]);
    expect(h.members.ids.indexOf("C")).toBe(2);
    expect(h.members.ids.indexOf("Z")).toBe(-1);
  });

  it("reads the same history from JSON Lines, bytes split inside a character, async iterables, iterables and web streams", async () => {
    const expected = await importHistory({ members: MEMBERS, customers: CUSTOMERS, orders: ORDERS });
    const jsonl = (csv: string) => {
      const [head, ...rows] = csv.trim().split("\n");
      const keys = head!.split(",");
      return rows.map((r) => JSON.stringify(Object.fromEntries(r.split(",").map((v, i) => [keys[i], v === "" ? null : /^\d+(\.\d+)?$/.test(v) && keys[i] !== "id" ? Number(v) : v])))).join("\r\n") + "\n";
    };
    const fromJson = await importHistory({
      members: { name: "members.jsonl", data: jsonl(MEMBERS) },
      customers: { name: "customers.ndjson", data: jsonl(CUSTOMERS) },
      orders: { name: "orders.json", format: "jsonl", data: jsonl(ORDERS) },
    });
    const bytes = new TextEncoder().encode(MEMBERS.replaceAll("gold", "göld"));
    // Split every 3 bytes: "ö" is two bytes, so some chunk ends inside it.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, k) => bytes.subarray(k * 3, k * 3 + 3));
    async function* slowly() {
      for (const p of pieces) yield p;
    }
    const stream = new ReadableStream<string>({
      start(controller) {
        for (const line of ORDERS.split(/(?<=\n)/)) controller.enqueue(line);
        controller.close();
      },
    });
    const mixed = await importHistory({ members: slowly(), customers: [CUSTOMERS.slice(0, 20), CUSTOMERS.slice(20)], orders: stream });
    for (const h of [fromJson, mixed]) {
      expect(ids(h)).toEqual(ids(expected));
      expect(h.orders).toEqual(expected.orders);
      expect(h.customers.churnPeriod).toEqual(expected.customers.churnPeriod);
    }
    expect(mixed.members.package!.values).toEqual(["göld", "silver"]);
  });

  it("decodes UTF-8 split across chunks", async () => {
    const bytes = new TextEncoder().encode("ä€𝄞");
    let text = "";
    for await (const t of textChunks([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)])) text += t;
    expect(text).toBe("ä€𝄞");
  });

  it("orders members by join date, then row; a member listed before her same-day sponsor or parent comes right after her", async () => {
    const h = await importHistory({
      members: `id,sponsor,joined,parent,slot
E,D,2025-01-05,D,L
D,A,2025-01-05,A,R
B,A,2025-01-03,A,L
A,,2025-01-01,,
F,E,2025-01-05,B,L
`,
    });
    expect(ids(h)).toEqual(["A", "B", "D", "E", "F"]);
    expect([...h.members.sponsor]).toEqual([-1, 0, 0, 2, 3]);
    expect([...h.members.placement!.parent]).toEqual([-1, 0, 0, 2, 1]);
    expect([...h.members.placement!.slot]).toEqual([0, 0, 1, 0, 0]);
  });

  it("keeps members and customers from before the start with negative periods; sets aside what is outside the periods, and says so", async () => {
    const h = await importHistory({ members: MEMBERS, customers: CUSTOMERS, orders: ORDERS }, { start: "2025-02", end: "2025-03-31" });
    expect([...h.members.joinPeriod]).toEqual([-1, -1, 0, 1]);
    expect(h.periods).toBe(2);
    expect(h.orders.count).toBe(2);
    expect(h.files.map((f) => [f.file, f.rowsRead, f.rowsUsed, f.setAside])).toEqual([
      ["members.csv", 4, 4, {}],
      ["customers.csv", 2, 2, {}],
      ["orders.csv", 5, 2, { "before the first period": 2, "after the last period": 1 }],
    ]);
    expect(historySummary(h)).toBe(
      "members.csv: 4 rows read, 4 used; customers.csv: 2 rows read, 2 used; orders.csv: 5 rows read, 2 used, 3 set aside (2 before the first period, 1 after the last period); 2 months, 2025-02 to 2025-03",
    );
    const early = await importHistory({ members: MEMBERS }, { end: "2025-01" });
    expect(early.members.count).toBe(2);
    expect(early.files[0]!.setAside).toEqual({ "joined after the last period": 2 });
    expect(early.files[0]!.rowsUsed).toBe(2);
  });

  it("weekly periods: ISO weeks", async () => {
    const h = await importHistory({ members: "id,sponsor,joined\nA,,2024-12-31\nB,A,2025-01-06\n" }, { period: "week" });
    expect(periodLabel(h.calendar, 0)).toBe("2025-W01");
    expect([...h.members.joinPeriod]).toEqual([0, 1]);
  });

  it("quoted fields, line breaks inside quotes and CRLF keep line numbers right; renamed columns are read", async () => {
    const members = 'member_id,Enroller,Join Date,notes\r\nA,,2025-01-02,"founder, ""the"" first"\r\nB,A,2025-01-03,"two\r\nlines"\r\nC,A,2025-13-01,\r\n';
    await expect(importHistory({ members }, { columns: { members: { id: "member_id", sponsor: "enroller", joined: "join date" } } })).rejects.toThrow(
      /members\.csv:5: joined: expected a date like 2025-01-31, got "2025-13-01"/,
    );
    const ok = await importHistory({ members: members.replace("2025-13-01", "2025-01-04") }, { columns: { members: { id: "member_id", sponsor: "enroller", joined: "join date" } } });
    expect(ids(ok)).toEqual(["A", "B", "C"]);
  });

  it("historyFromRecords: the same rules, issues named by index", () => {
    const h = historyFromRecords({
      members: [
        { id: "a", sponsor: null, joined: "2025-01-02" },
        { id: 7, sponsor: "a", joined: "2025-03-01", quit: "2025-04-30" },
      ],
      orders: [{ date: "2025-03-02", member: 7, price: 100, cv: "80.5", recurring: true }],
    });
    expect(h.members.ids.text(1)).toBe("7");
    // Period 0 is March, the first order's month: she is a member through April.
    expect([...h.members.quitPeriod]).toEqual([NEVER, 2]);
    expect([...h.orders.cv]).toEqual([80_50]);
    expect(() => historyFromRecords({ members: [{ id: "a", sponsor: "b", joined: "2025-01-02" }] })).toThrow(/members\[0\]: sponsor: unknown sponsor "b"/);
  });
});

describe("customers in order of acquisition, then of their rows", () => {
  it("whether their days span a few years (a counting sort) or decades (a sort of keys)", () => {
    for (const [near, far] of [
      ["2025-03-02", "2025-03-01"],
      ["2044-05-01", "1990-02-01"],
    ] as const) {
      const history = historyFromRecords({
        members: [{ id: "A", sponsor: null, joined: "1990-01-01" }],
        customers: [
          { id: "c1", distributor: "A", acquired: near },
          { id: "c2", distributor: "A", acquired: far },
          { id: "c3", distributor: "A", acquired: near },
          { id: "c4", distributor: "A", acquired: far },
        ],
      });
      expect(Array.from({ length: 4 }, (_, i) => history.customers.ids.text(i))).toEqual(["c2", "c4", "c1", "c3"]);
    }
  });
});
