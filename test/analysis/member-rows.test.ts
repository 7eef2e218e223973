/**
 * Member rows as the runner hands them out: built as they are read, equal
 * to the eager rows, an array to every reader, an ordinary array once written.
 */
import { describe, expect, it } from "vitest";
import { memberRowsOf, simulate } from "../../src/index.js";
import { lazyMemberRows } from "../../src/analysis/member-rows.js";

const result = simulate({ scenario: { months: 6, start: { founders: 1, network: { distributors: 300 } }, market: { prospects: 5000 } }, seed: 3 });
const ranks = ["Bronze", "Silver"];

describe("lazy member rows", () => {
  it("read like the eager rows: index, length, iteration, array methods, JSON", () => {
    const eager = memberRowsOf(result.memberColumns, ranks);
    const lazy = lazyMemberRows(result.memberColumns, ranks);
    expect(Array.isArray(lazy)).toBe(true);
    expect(lazy.length).toBe(eager.length);
    expect(lazy[7]).toEqual(eager[7]);
    expect(lazy[eager.length]).toBeUndefined();
    expect([...lazy]).toEqual(eager);
    expect(lazy.map((r) => r.gross)).toEqual(eager.map((r) => r.gross));
    expect(lazy.filter((r) => r.status === "quit").length).toBe(eager.filter((r) => r.status === "quit").length);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect(Object.keys(lazy)).toEqual(Object.keys(eager));
    expect(5 in lazy).toBe(true);
    expect(eager.length in lazy).toBe(false);
  });

  it("become an ordinary array of every row at the first write (sort, push)", () => {
    const eager = memberRowsOf(result.memberColumns, ranks);
    const lazy = lazyMemberRows(result.memberColumns, ranks);
    const byGross = (a: { gross: number; member: number }, b: { gross: number; member: number }) => b.gross - a.gross || a.member - b.member;
    lazy.sort(byGross);
    expect(lazy).toEqual([...eager].sort(byGross));
    // Written rows are kept from then on.
    const first = lazy[0];
    expect(lazy[0]).toBe(first);
    lazy.push(first!);
    expect(lazy.length).toBe(eager.length + 1);
  });

  it("are what a result's members are, the same list at every read", () => {
    expect(result.members).toBe(result.members);
    expect(result.members[10]).toEqual(memberRowsOf(result.memberColumns, result.plan.ranks)[10]);
  });
});
