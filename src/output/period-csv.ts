/**
 * Period rows as CSV: one line per period, money in major units.
 *
 * @module
 */
import { formatMinor } from "../money/amount.js";
import type { SimulationResult } from "../analysis/result.js";

/** What the period writers read of a result. */
export type PeriodsOf = Pick<SimulationResult, "periods" | "plan" | "digits">;

/**
 * The period rows as CSV text, in pieces: the header, then one piece per
 * period. Columns: `period,members,active,joins,quits,customers,revenue,
 * revenueCustomers,revenueDistributors,cv,payout,payout_<component>…,
 * companyAccountsPaid,customerPaid,breakage,capped,working,hours,expenses,requiredPurchases,newCustomers,oneTimeSales`;
 * money in major units with the currency's decimals, hours with 2 decimals.
 *
 * @example
 * for (const piece of periodsCsvPieces(result)) process.stdout.write(piece);
 */
export function* periodsCsvPieces(result: PeriodsOf): Generator<string> {
  const d = result.digits;
  const names = result.plan.components;
  const head = ["period", "members", "active", "joins", "quits", "customers", "revenue", "revenueCustomers", "revenueDistributors", "cv", "payout", ...names.map((n) => `payout_${n}`), "companyAccountsPaid", "customerPaid", "breakage", "capped", "working", "hours", "expenses", "requiredPurchases", "newCustomers", "oneTimeSales"];
  yield head.join(",") + "\n";
  for (const p of result.periods) {
    const line = [
      p.period,
      p.members,
      p.active,
      p.joins,
      p.quits,
      p.customers,
      formatMinor(p.revenue, d),
      formatMinor(p.revenueCustomers, d),
      formatMinor(p.revenueDistributors, d),
      formatMinor(p.cv, d),
      formatMinor(p.payout, d),
      ...names.map((n) => formatMinor(p.payoutByComponent[n]!, d)),
      formatMinor(p.companyAccountsPaid, d),
      formatMinor(p.customerPaid, d),
      formatMinor(p.breakage, d),
      formatMinor(p.capped, d),
      p.working,
      p.hours.toFixed(2),
      formatMinor(p.expenses, d),
      formatMinor(p.requiredPurchases, d),
      p.newCustomers,
      p.oneTimeSales,
    ];
    yield line.join(",") + "\n";
  }
}

/**
 * The period rows as CSV text (see {@link periodsCsvPieces} for the columns).
 *
 * @example
 * periodsToCsv(simulate({ scenario: { months: 2 } })).split("\n")[0]
 * // => "period,members,active,joins,quits,customers,revenue,revenueCustomers,revenueDistributors,cv,payout,payout_customer,payout_unilevel,companyAccountsPaid,customerPaid,breakage,capped,working,hours,expenses,requiredPurchases,newCustomers,oneTimeSales"
 */
export function periodsToCsv(result: PeriodsOf): string {
  return [...periodsCsvPieces(result)].join("");
}
