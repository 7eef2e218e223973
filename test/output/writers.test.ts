/**
 * The writers: CSV and JSON of period rows, member rows and the ledger. Each
 * is checked against an independent construction from the records (the
 * command line's former inline builders), and the streamed forms against
 * their one-string forms.
 */
import { describe, expect, it } from "vitest";
import {
  formatMinor,
  ledgerCsvPieces,
  ledgerLines,
  ledgerToCsv,
  membersCsvPieces,
  periodsCsvPieces,
  periodsToCsv,
  periodsToJson,
  simulate,
  type PlanInput,
  type ScenarioInput,
  type SimulationResult,
} from "../../src/index.js";

const SMALL: ScenarioInput = {
  months: 5,
  start: { founders: 1, network: { distributors: 300, customersPerDistributor: 1.5 } },
  market: { prospects: 8000 },
};
const plan: PlanInput = {
  name: "two payers",
  components: [
    { type: "retailProfit", name: "retail", discount: "0.25" },
    { type: "unilevel", name: "unilevel", rates: ["0.05", "0.03"] },
  ],
};

/** The member CSV as the command line used to build it: from member records. */
function membersCsvFromRecords(result: SimulationResult): string {
  const d = result.digits;
  const names = result.plan.components;
  const head = [
    "member", "sponsor", "upline", "joinPeriod", "quitPeriod", "status", "role", "company", "recruits", "customers", "periodsActive", "rank", "title", "hours",
    "earnings", "retailProfit", "gross", ...names.map((n) => `earnings_${n}`), "purchases", "requiredPurchases", "expenses", "net",
  ];
  const money = (x: number) => formatMinor(x, d);
  const rows = result.members.map((m) =>
    [
      m.member, m.sponsor, m.upline, m.joinPeriod, m.quitPeriod ?? "", m.status, m.role, m.company, m.recruits, m.customers, m.periodsActive, m.rank, m.title, m.hours.toFixed(2),
      money(m.earnings), money(m.retailProfit), money(m.gross), ...names.map((n) => money(m.earningsByComponent[n]!)), money(m.purchases), money(m.requiredPurchases), money(m.expenses), money(m.net),
    ].join(","),
  );
  return [head.join(","), ...rows].join("\n") + "\n";
}

describe("member rows as CSV", () => {
  const r = simulate({ scenario: SMALL, seed: 31, plan });

  it("streamed from the columns, it is the CSV of the member records, byte for byte", () => {
    expect([...membersCsvPieces(r.memberColumns, r.digits)].join("")).toBe(membersCsvFromRecords(r));
  });

  it("pieces hold at most rowsPerPiece rows; the text does not depend on the piece size", () => {
    const pieces = [...membersCsvPieces(r.memberColumns, r.digits, 7)];
    expect(pieces).toHaveLength(1 + Math.ceil(r.memberColumns.size / 7));
    for (const p of pieces.slice(1)) expect(p.split("\n").length - 1).toBeLessThanOrEqual(7);
    expect(pieces.join("")).toBe([...membersCsvPieces(r.memberColumns, r.digits)].join(""));
  });

  it("quitters have a quit period and no customers; current members an empty quit period", () => {
    const lines = [...membersCsvPieces(r.memberColumns, r.digits)].join("").trim().split("\n").slice(1).map((l) => l.split(","));
    const quit = lines.filter((l) => l[5] === "quit");
    const current = lines.filter((l) => l[5] === "current");
    expect(quit.length).toBeGreaterThan(0);
    for (const l of quit) expect([l[4] !== "", l[9]]).toEqual([true, "0"]);
    for (const l of current) expect(l[4]).toBe("");
  });

  it("a currency without a minor unit writes whole amounts", () => {
    const jpy = simulate({ scenario: { ...SMALL, currency: "JPY", customers: { orderValue: { kind: "fixed", value: "5000" } }, distributors: { orderValue: { kind: "fixed", value: "9000" } } }, seed: 31 });
    expect(jpy.digits).toBe(0);
    const text = [...membersCsvPieces(jpy.memberColumns, jpy.digits)].join("");
    expect(text).toBe(membersCsvFromRecords(jpy));
    // Every money cell whole yen (hours, column 13, keep their two decimals).
    const header = text.split("\n")[0]!.split(",");
    expect(header[13]).toBe("hours");
    for (const line of text.trim().split("\n").slice(1)) expect(line.split(",").filter((_, k) => k !== 13).join(",")).not.toMatch(/\./);
  });
});

describe("period rows as CSV and JSON", () => {
  const r = simulate({ scenario: SMALL, seed: 32, plan });

  it("CSV: a header with a payout column per component, then one line per period, money in major units", () => {
    const text = periodsToCsv(r);
    expect([...periodsCsvPieces(r)].join("")).toBe(text);
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("period,members,active,joins,quits,customers,revenue,revenueCustomers,revenueDistributors,cv,payout,payout_retail,payout_unilevel,companyAccountsPaid,customerPaid,breakage,capped,working,hours,expenses,requiredPurchases,newCustomers,oneTimeSales");
    expect(lines).toHaveLength(1 + r.periods.length);
    const cells = lines[3]!.split(",");
    const p = r.periods[2]!;
    expect(cells).toEqual([
      String(p.period), String(p.members), String(p.active), String(p.joins), String(p.quits), String(p.customers),
      formatMinor(p.revenue, 2), formatMinor(p.revenueCustomers, 2), formatMinor(p.revenueDistributors, 2), formatMinor(p.cv, 2),
      formatMinor(p.payout, 2), formatMinor(p.payoutByComponent.retail!, 2), formatMinor(p.payoutByComponent.unilevel!, 2),
      formatMinor(p.companyAccountsPaid, 2), formatMinor(p.customerPaid, 2), formatMinor(p.breakage, 2), formatMinor(p.capped, 2),
      String(p.working), p.hours.toFixed(2), formatMinor(p.expenses, 2), formatMinor(p.requiredPurchases, 2),
      String(p.newCustomers), String(p.oneTimeSales),
    ]);
  });

  it("JSON carries the currency and its digits beside the rows (money stays in minor units)", () => {
    const doc = JSON.parse(periodsToJson(r));
    expect(doc.currency).toBe("USD");
    expect(doc.digits).toBe(2);
    expect(doc.periods).toEqual(r.periods);
    expect(periodsToJson(r, 0)).toBe(JSON.stringify({ currency: "USD", digits: 2, periods: r.periods }) + "\n");
  });
});

describe("the ledger as CSV", () => {
  const r = simulate({ scenario: SMALL, seed: 33, plan });

  it("one piece per chunk after the header; the lines are the ledger's lines", () => {
    const pieces = [...ledgerCsvPieces(r.ledger, r.digits)];
    expect(pieces).toHaveLength(1 + r.ledger.chunks.length);
    expect(pieces.join("")).toBe(ledgerToCsv(r.ledger, r.digits));
    const expected = ["period,payee,component,amount", ...ledgerLines(r.ledger).map((l) => `${l.period},${l.payee},${l.component},${formatMinor(l.amount, 2)}`)].join("\n") + "\n";
    expect(ledgerToCsv(r.ledger)).toBe(expected);
  });
});

describe("shares for reading", () => {
  it("one decimal of a percentage; a share that rounds to zero is 0.0% whatever its sign; undefined is a dash", async () => {
    const { displayShare } = await import("../../src/output/markdown.js");
    expect(displayShare(0.2514)).toBe("25.1%");
    expect(displayShare(-0.00001)).toBe("0.0%"); // −0.001% rounds to -0.0: a rounding residue, not a negative share
    expect(displayShare(-0.0004, 2)).toBe("-0.04%");
    expect(displayShare(-0.012)).toBe("-1.2%");
    expect(displayShare(NaN)).toBe("—");
  });
});
