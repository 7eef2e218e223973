/**
 * Malformed history files: each one is rejected before any work with a
 * DownlineInputError whose issues name the file, the line and the field —
 * never a crash, never a silently wrong history. Each case differs from the
 * good files below by one defect, and the good files import.
 */
import { describe, expect, it } from "vitest";
import { DownlineInputError } from "../../src/validate/errors.js";
import type { HistoryIssue, HistoryOptions } from "../../src/history/build.js";
import { importHistory, type HistoryInput } from "../../src/history/import.js";

const MEMBERS = `id,sponsor,joined,quit,parent,slot
A,,2025-01-02,,,
B,A,2025-01-10,,A,L
C,A,2025-02-03,2025-05-20,A,R
D,B,2025-03-01,,B,L
`;
const CUSTOMERS = `id,distributor,acquired,churned
c1,B,2025-01-15,
c2,C,2025-02-10,2025-04-30
`;
const ORDERS = `id,date,member,customer,price,cv,recurring
o1,2025-01-12,B,,100.00,80.00,1
o2,2025-01-15,,c1,39.00,31.20,1
o3,2025-02-10,,c2,59.00,47.20,yes
o4,2025-03-05,D,,125.00,100.00,0
`;

/** The good files with one replaced. */
function files(replace: Partial<Record<"members" | "customers" | "orders", string>>): HistoryInput {
  return {
    members: { name: "members.csv", data: replace.members ?? MEMBERS },
    customers: { name: "customers.csv", data: replace.customers ?? CUSTOMERS },
    orders: { name: "orders.csv", data: replace.orders ?? ORDERS },
  };
}

async function rejection(input: HistoryInput, options: HistoryOptions = {}): Promise<HistoryIssue[]> {
  let thrown: unknown;
  try {
    await importHistory(input, options);
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error("expected a DownlineInputError, but the files were accepted");
  if (!(thrown instanceof DownlineInputError)) throw thrown;
  expect(thrown.source).toBe("history");
  return thrown.issues as HistoryIssue[];
}

/** [what, the defective files, file, line, field, message]. */
type Case = [string, Partial<Record<"members" | "customers" | "orders", string>>, string, number, string, RegExp];

const withLine = (text: string, line: number, replacement: string) => {
  const lines = text.split("\n");
  lines[line - 1] = replacement;
  return lines.join("\n");
};
const plus = (text: string, ...lines: string[]) => text + lines.join("\n") + "\n";

const CASES: Case[] = [
  // members
  ["an unknown sponsor", { members: withLine(MEMBERS, 5, "D,Z,2025-03-01,,B,L") }, "members.csv", 5, "sponsor", /unknown sponsor "Z"/],
  ["a sponsor joining after her recruit", { members: withLine(MEMBERS, 3, "B,D,2025-01-10,,A,L") }, "members.csv", 3, "sponsor", /her sponsor "D" joined on 2025-03-01, after her \(2025-01-10\)/],
  ["a sponsor cycle among same-day members", { members: plus(MEMBERS, "E,F,2025-03-02,,,", "F,E,2025-03-02,,,") }, "members.csv", 6, "sponsor", /a cycle: "E" → "F"/],
  ["a member sponsoring herself", { members: withLine(MEMBERS, 5, "D,D,2025-03-01,,B,L") }, "members.csv", 5, "sponsor", /cannot sponsor herself/],
  ["a duplicate member id", { members: plus(MEMBERS, "B,A,2025-03-02,,,") }, "members.csv", 6, "id", /duplicate member id "B" \(also on line 3\)/],
  ["a join date that does not exist", { members: withLine(MEMBERS, 5, "D,B,2025-02-30,,B,L") }, "members.csv", 5, "joined", /expected a date like 2025-01-31, got "2025-02-30"/],
  ["a join date in another format", { members: withLine(MEMBERS, 5, "D,B,01/03/2025,,B,L") }, "members.csv", 5, "joined", /got "01\/03\/2025"/],
  ["a quit before joining", { members: withLine(MEMBERS, 4, "C,A,2025-02-03,2025-01-20,A,R") }, "members.csv", 4, "quit", /quit on 2025-01-20, before joining on 2025-02-03/],
  ["an empty member id", { members: withLine(MEMBERS, 5, ",B,2025-03-01,,B,L") }, "members.csv", 5, "id", /expected a member id, got nothing/],
  ["a placement slot taken twice", { members: withLine(MEMBERS, 4, "C,A,2025-02-03,2025-05-20,A,L") }, "members.csv", 4, "slot", /slot 0 under "A" is already taken by "B" \(line 3\)/],
  ["a slot a binary tree has not", { members: withLine(MEMBERS, 5, "D,B,2025-03-01,,B,2") }, "members.csv", 5, "slot", /expected a slot 0 or 1 \(L or R\), got "2"/],
  ["an unknown placement parent", { members: withLine(MEMBERS, 5, "D,B,2025-03-01,,Q,L") }, "members.csv", 5, "parent", /unknown placement parent "Q"/],
  ["a placement parent joining after", { members: withLine(MEMBERS, 3, "B,A,2025-01-10,,D,L") }, "members.csv", 3, "parent", /her placement parent "D" joined on 2025-03-01, after her/],
  ["a slot without a parent", { members: withLine(MEMBERS, 5, "D,B,2025-03-01,,,R") }, "members.csv", 5, "slot", /a slot \("R"\) without a placement parent/],
  ["a row with a missing field", { members: withLine(MEMBERS, 4, "C,A,2025-02-03,A,R") }, "members.csv", 4, "(row)", /expected 6 fields \(as in the header\), got 5/],
  ["an unterminated quote", { members: withLine(MEMBERS, 5, 'D,B,"2025-03-01,,B,L') }, "members.csv", 5, "(row)", /a quoted field is never closed/],
  ["a missing column", { members: MEMBERS.replace("id,sponsor,joined", "id,enroller,joined") }, "members.csv", 1, "sponsor", /missing column "sponsor"/],
  ["an empty members file", { members: "" }, "members.csv", 1, "(file)", /the file is empty/],
  // customers
  ["a customer of an unknown member", { customers: withLine(CUSTOMERS, 3, "c2,Z,2025-02-10,2025-04-30") }, "customers.csv", 3, "distributor", /unknown member "Z"/],
  ["a customer acquired before her distributor joined", { customers: withLine(CUSTOMERS, 3, "c2,C,2025-01-10,2025-04-30") }, "customers.csv", 3, "acquired", /before her distributor "C" joined \(2025-02-03\)/],
  ["a customer churned before she was acquired", { customers: withLine(CUSTOMERS, 3, "c2,C,2025-02-10,2025-02-01") }, "customers.csv", 3, "churned", /churned on 2025-02-01, before she was acquired/],
  ["a duplicate customer id", { customers: plus(CUSTOMERS, "c1,D,2025-03-02,") }, "customers.csv", 4, "id", /duplicate customer id "c1" \(also on line 2\)/],
  ["a customer file without a distributor column", { customers: CUSTOMERS.replace("distributor", "seller") }, "customers.csv", 1, "distributor", /missing column "distributor"/],
  // orders
  ["an order for an unknown member", { orders: withLine(ORDERS, 5, "o4,2025-03-05,X,,125.00,100.00,0") }, "orders.csv", 5, "member", /unknown member "X"/],
  ["an order for an unknown customer", { orders: withLine(ORDERS, 3, "o2,2025-01-15,,c9,39.00,31.20,1") }, "orders.csv", 3, "customer", /unknown customer "c9"/],
  ["a negative price", { orders: withLine(ORDERS, 2, "o1,2025-01-12,B,,-100.00,80.00,1") }, "orders.csv", 2, "price", /expected a non-negative amount, got -100.00/],
  ["a CV finer than the currency", { orders: withLine(ORDERS, 2, "o1,2025-01-12,B,,100.00,80.005,1") }, "orders.csv", 2, "cv", /expected at most 2 decimals for USD, got 80.005/],
  ["a price that is not a number", { orders: withLine(ORDERS, 2, "o1,2025-01-12,B,,$100,80.00,1") }, "orders.csv", 2, "price", /expected an amount like 39.50, got "\$100"/],
  ["an order date that does not exist", { orders: withLine(ORDERS, 2, "o1,2025-13-12,B,,100.00,80.00,1") }, "orders.csv", 2, "date", /expected a date like 2025-01-31, got "2025-13-12"/],
  ["an order before the member joined", { orders: withLine(ORDERS, 5, "o4,2025-02-05,D,,125.00,100.00,0") }, "orders.csv", 5, "date", /credited to member "D", before she joined \(2025-03-01\)/],
  ["an order after the member quit", { orders: plus(ORDERS, "o5,2025-05-21,C,,125.00,100.00,0") }, "orders.csv", 6, "date", /after she quit \(2025-05-20\)/],
  ["an order after the customer churned", { orders: plus(ORDERS, "o5,2025-05-02,,c2,59.00,47.20,1") }, "orders.csv", 6, "date", /by customer "c2", after she churned \(2025-04-30\)/],
  ["an order by nobody", { orders: withLine(ORDERS, 5, "o4,2025-03-05,,,125.00,100.00,0") }, "orders.csv", 5, "customer", /expected the member or the customer who placed the order, got neither/],
  ["a recurring flag that is neither", { orders: withLine(ORDERS, 5, "o4,2025-03-05,D,,125.00,100.00,maybe") }, "orders.csv", 5, "recurring", /expected 1\/0, true\/false or yes\/no, got "maybe"/],
  ["a duplicate order id", { orders: plus(ORDERS, "o2,2025-03-06,D,,125.00,100.00,0") }, "orders.csv", 6, "id", /duplicate order id "o2"/],
  ["an orders file without a CV column", { orders: ORDERS.replace(",cv,", ",bv,") }, "orders.csv", 1, "cv", /missing column "cv"/],
  ["an order whose customer has no member left to credit", { members: withLine(MEMBERS, 2, "A,,2025-01-02,2025-02-15,,"), customers: withLine(CUSTOMERS, 2, "c1,A,2025-01-15,"), orders: plus(ORDERS, "o5,2025-04-02,,c1,39.00,31.20,1") }, "orders.csv", 6, "customer", /no member to credit: her distributor "A" and every upline above her have quit/],
];

describe("malformed history files are rejected with file, line and field", () => {
  it("the good files import", async () => {
    const history = await importHistory(files({}));
    expect(history.members.count).toBe(4);
    expect(history.orders.count).toBe(4);
  });

  it(`has at least 20 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)("%s", async (_what, replace, file, line, field, message) => {
    const issues = await rejection(files(replace));
    const issue = issues.find((i) => i.file === file && i.line === line && i.field === field);
    expect(issue, `issues: ${issues.map((i) => `${i.path}: ${i.message}`).join(" | ")}`).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(issue!.path).toBe(`${file}:${line}: ${field}`);
  });

  it("a byte-order mark is accepted (CSV and JSON Lines), as text or as bytes", async () => {
    const bom = "\ufeff";
    const viaText = await importHistory(files({ members: bom + MEMBERS, orders: bom + ORDERS }));
    expect(viaText.members.count).toBe(4);
    const bytes = new TextEncoder().encode(bom + MEMBERS);
    expect(bytes[0]).toBe(0xef);
    const viaBytes = await importHistory({ ...files({}), members: { name: "members.csv", data: bytes } });
    expect(viaBytes.members.ids.text(0)).toBe("A");
    const jsonl = await importHistory({ members: { name: "members.jsonl", data: `${bom}{"id":"A","sponsor":null,"joined":"2025-01-02"}\n` } });
    expect(jsonl.members.ids.text(0)).toBe("A");
  });

  it("every bad row is reported at once, up to maxIssues, and the rest counted", async () => {
    const bad = plus(MEMBERS, ...Array.from({ length: 30 }, (_, k) => `X${k},,2025-13-01,,,`));
    const issues = await rejection(files({ members: bad }), { maxIssues: 10 });
    expect(issues).toHaveLength(11);
    expect(issues.slice(0, 10).map((i) => i.line)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(issues[10]!.path).toBe("(more)");
    expect(issues[10]!.message).toMatch(/20 more issues not listed/);
  });

  it("JSON Lines: a line that is not JSON, and a value that is an object", async () => {
    const issues = await rejection({
      members: { name: "members.jsonl", data: '{"id":"A","joined":"2025-01-02"}\n{"id":"B",\n{"id":"C","sponsor":{"id":"A"},"joined":"2025-01-03"}\n' },
    });
    expect(issues.map((i) => i.path)).toEqual(["members.jsonl:2: (row)", "members.jsonl:3: sponsor"]);
    expect(issues[0]!.message).toMatch(/expected a JSON object/);
    expect(issues[1]!.message).toMatch(/expected a string, a number or a boolean, got an object/);
  });

  it("bad options are named before any file is read", async () => {
    const issues = await rejection(files({}), { period: "day" as never, currency: "XYZ", start: "soon" });
    expect(issues.map((i) => i.path)).toEqual(["period", "currency", "start"]);
  });
});
