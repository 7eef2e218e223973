/**
 * An orders file read into columns ahead (parsed-orders.ts: what
 * `downline/node` does on a worker thread) gives the same history, or the
 * same issues in the same order, as the file read row by row.
 */
import { describe, expect, it } from "vitest";
import type { HistoryOptions } from "../../src/history/build.js";
import type { History } from "../../src/history/history.js";
import { importHistory, importHistoryWith, type HistoryFile, type HistoryInput } from "../../src/history/import.js";
import { parseOrders } from "../../src/history/parsed-orders.js";
import { DownlineInputError } from "../../src/validate/errors.js";
import { CASES, files } from "./malformed-cases.js";

/** A history as plain data (its arrays as arrays, its ids as texts), or its issues. */
async function outcome(run: () => Promise<History>): Promise<unknown> {
  try {
    const h = await run();
    const plain = (x: unknown): unknown =>
      ArrayBuffer.isView(x) ? Array.from(x as Int32Array) : x && typeof x === "object" ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === "ids" ? ids(v) : plain(v)])) : x;
    const ids = (v: { count: number; text(i: number): string; indexOf(t: string): number }) => Array.from({ length: v.count }, (_, i) => [v.text(i), v.indexOf(v.text(i))]);
    return plain(h);
  } catch (e) {
    if (!(e instanceof DownlineInputError)) throw e;
    return { issues: e.issues.map((i) => `${i.path}: ${i.message}`) };
  }
}

/**
 * The ways an orders file is read: row by row (`direct`: `importHistoryWith`
 * without columns), into columns ahead as a second thread does (`ahead`),
 * and into columns on this thread (`importHistory`, checked equal to `ahead`
 * here and returned as it).
 */
async function bothWays(input: HistoryInput, options: HistoryOptions = {}) {
  const orders = input.orders as HistoryFile;
  const direct = await outcome(() => importHistoryWith(input, options));
  const ahead = await outcome(() => importHistoryWith(input, options, parseOrders(orders.data, options, 1000)));
  const here = await outcome(() => importHistory(input, options));
  expect(here).toEqual(ahead);
  return { direct, ahead };
}

const MEMBERS = `id,sponsor,joined,quit
M1,,2025-01-02,
M2,M1,2025-01-10,
M3,M1,2025-02-03,2025-05-20
M4,M2,2025-03-01,
guest,M2,2025-03-01,
M007,M2,2025-03-02,
M2000000,M2,2025-03-03,
`;
const CUSTOMERS = `id,distributor,acquired,churned
C1,M2,2025-01-15,
C2,M3,2025-02-10,2025-04-30
C9999999,M4,2025-03-05,
c-x,M4,2025-03-05,
`;
const ORDERS_HEADER = "id,date,member,customer,price,cv,qv,recurring";
/** Good rows, numbered and not, plain and quoted. */
const GOOD = [
  "O1,2025-01-12,M2,,100.00,80.00,,1",
  "O2,2025-01-15,,C1,39.00,31.20,,1",
  "O3,2025-02-10,,C2,59.00,47.20,10,yes",
  "O4,2025-03-05,M4,,125.00,100.00,,0",
  "O5,2025-03-05,guest,,1,1,,",
  "O6,2025-03-06,M007,,1,1,,",
  "O7,2025-03-06,M2000000,C9999999,1,1,,",
  "O8,2025-03-06,,c-x,1.5,1,,",
  "X-9,2025-03-06,M4,,1,1,,",
  'O10,2025-03-06,"M4",,1,1,,',
  "O999999999,2025-03-07,M4,,2,2,,",
  ",2025-03-07,M4,,2,2,,",
  "O11,2025-03-07T10:00,M4,,2,2,,",
  "O0,2025-03-07,M4,,2,2,,",
];
/** Defective rows: each of them an issue, some several. */
const BAD = [
  "O1,2025-03-12,M2,,100.00,80.00,,1", // a duplicate id
  "O12,2025-01-12,M9,,1,1,,", // an unknown numbered member
  "O13,2025-01-12,,C8,1,1,,", // an unknown numbered customer
  "O14,2025-01-01,M4,,1,1,,", // before she joined
  "O15,2025-05-21,M3,,1,1,,", // after she quit
  "O16,2025-05-02,,C2,1,1,,", // after she churned
  "O17,2025-01-12,M2,,1,1,,2", // a bad flag
  "O18,2025-13-12,M2,,1,1,,", // a bad date
  "O19,2025-01-12,M2,,1,1", // a short row
  "O20,2025-01-12,,,1,1,,", // nobody
  "O21,2025-01-12,M02,,1,1,,", // a zero-padded member
  "O22,2025-01-12,M2,C1,1,1,,", // both (fine)
  "O999999999,2025-03-07,M4,,2,2,,", // a duplicate past the bound
  "O23,2025-01-12,M1,,1,1,x,", // a bad QV
  'O24,2025-01-12,M1,,"1,1,,', // an unclosed quote
  "O25,2025-03-12,M8,,1,1,,", // a member named (as a sponsor) but without a row of her own
  "O0,2025-03-12,M2,,1,1,,", // a duplicate of number 0
];
/** A member whose sponsor has no row: an issue of its own, and orders naming the sponsor are issues too. */
const MEMBERS_UNKNOWN_SPONSOR = MEMBERS + "M5,M8,2025-03-01,\n";

describe("orders read into columns ahead", () => {
  it("give the same issues as row by row, case by case (the malformed-file cases)", async () => {
    for (const [what, replace] of CASES) {
      const { direct, ahead } = await bothWays(files(replace));
      expect(ahead, what).toEqual(direct);
    }
  });

  it("give the same history from numbered and other ids, plain and quoted rows", async () => {
    const orders = { name: "orders.csv", data: [ORDERS_HEADER, ...GOOD].join("\n") + "\n" };
    const { direct, ahead } = await bothWays({ members: MEMBERS, customers: CUSTOMERS, orders });
    expect((direct as { orders: { count: number } }).orders.count).toBe(GOOD.length);
    expect(ahead).toEqual(direct);
  });

  it("give the same issues in the same order, whatever rows are mixed (seeded)", async () => {
    let s = 7;
    const rand = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n);
    for (let run = 0; run < 200; run++) {
      const rows = Array.from({ length: 1 + rand(25) }, () => (rand(3) === 0 ? BAD[rand(BAD.length)]! : GOOD[rand(GOOD.length)]!));
      const head = rand(10) === 0 ? ["", "a,\"b"] : []; // a blank line and a bad row before the header
      const eol = rand(2) === 0 ? "\n" : "\r\n";
      const orders = { name: "orders.csv", data: [...head, ORDERS_HEADER, ...rows].join(eol) + (rand(2) === 0 ? eol : "") };
      const members = rand(4) === 0 ? MEMBERS_UNKNOWN_SPONSOR : MEMBERS;
      const { direct, ahead } = await bothWays({ members, customers: CUSTOMERS, orders }, { maxIssues: 1 + rand(40) });
      expect(ahead, orders.data).toEqual(direct);
    }
  });

  it("an empty file, a header alone, a header refused", async () => {
    for (const data of ["", "\n\n", ORDERS_HEADER, "date,price\n2025-01-12,1\n", '"x\n']) {
      const { direct, ahead } = await bothWays({ members: MEMBERS, customers: CUSTOMERS, orders: { name: "orders.csv", data } });
      expect(ahead, JSON.stringify(data)).toEqual(direct);
    }
  });
});
