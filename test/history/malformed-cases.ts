/** The good history files of the malformed-file tests, and the cases: each the good files with one defect. */
import type { HistoryInput } from "../../src/history/import.js";

export const MEMBERS = `id,sponsor,joined,quit,parent,slot
A,,2025-01-02,,,
B,A,2025-01-10,,A,L
C,A,2025-02-03,2025-05-20,A,R
D,B,2025-03-01,,B,L
`;
export const CUSTOMERS = `id,distributor,acquired,churned
c1,B,2025-01-15,
c2,C,2025-02-10,2025-04-30
`;
export const ORDERS = `id,date,member,customer,price,cv,recurring
o1,2025-01-12,B,,100.00,80.00,1
o2,2025-01-15,,c1,39.00,31.20,1
o3,2025-02-10,,c2,59.00,47.20,yes
o4,2025-03-05,D,,125.00,100.00,0
`;

/** The good files with one replaced. */
export function files(replace: Partial<Record<"members" | "customers" | "orders", string>>): HistoryInput {
  return {
    members: { name: "members.csv", data: replace.members ?? MEMBERS },
    customers: { name: "customers.csv", data: replace.customers ?? CUSTOMERS },
    orders: { name: "orders.csv", data: replace.orders ?? ORDERS },
  };
}

/** [what, the defective files, file, line, field, message]. */
export type Case = [string, Partial<Record<"members" | "customers" | "orders", string>>, string, number, string, RegExp];

export const withLine = (text: string, line: number, replacement: string) => {
  const lines = text.split("\n");
  lines[line - 1] = replacement;
  return lines.join("\n");
};
export const plus = (text: string, ...lines: string[]) => text + lines.join("\n") + "\n";

export const CASES: Case[] = [
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
