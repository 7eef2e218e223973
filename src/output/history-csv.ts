/**
 * A history written as the three CSV files `importHistory` reads — members,
 * customers, orders — in pieces (no I/O: the caller writes them). With
 * `historyCollector` it turns a simulated run into a sample business.
 *
 * @module
 */
import { formatMinor } from "../money/amount.js";
import { firstDayOf, formatDay, lastDayOf } from "../history/calendar.js";
import { NEVER, type History } from "../history/history.js";

/** Options of {@link historyCsvPieces}. */
export interface HistoryCsvOptions {
  /**
   * How events get dates within their period: `"first"`, all on its first
   * day (default); or `"spread"`, joins and acquisitions spread over the
   * period in index order and orders on days after them, as real data would
   * be. Either way the file imports back to the same history.
   */
  readonly dates?: "first" | "spread";
  /** Write the credited member on customers' orders too (default false: the importer derives it). */
  readonly creditedMember?: boolean;
  /** Rows per piece (default 10,000). */
  readonly rowsPerPiece?: number;
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Days of each event in its period, in index order, spread over the period (or all on its first day). */
function eventDays(history: History, periodOf: Int32Array, count: number, spread: boolean): Int32Array {
  const cal = history.calendar;
  const days = new Int32Array(count);
  if (!spread) {
    for (let i = 0; i < count; i++) days[i] = firstDayOf(cal, periodOf[i]!);
    return days;
  }
  // Ranks within each period (periods appear in non-decreasing order for members; customers may not be sorted).
  const counts = new Map<number, number>();
  for (let i = 0; i < count; i++) counts.set(periodOf[i]!, (counts.get(periodOf[i]!) ?? 0) + 1);
  const seen = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const t = periodOf[i]!;
    const rank = seen.get(t) ?? 0;
    seen.set(t, rank + 1);
    const first = firstDayOf(cal, t);
    const length = lastDayOf(cal, t) - first + 1;
    days[i] = first + Math.floor((rank * length) / counts.get(t)!);
  }
  return days;
}

/**
 * One file of a history as CSV text, in pieces (the header first):
 *
 * - `members`: `id,sponsor,joined,quit` (+ `parent,slot` with a placement
 *   tree; a binary slot as `L`/`R`);
 * - `customers`: `id,distributor,acquired,churned`;
 * - `orders`: `id,date,member,customer,price,cv,recurring` (+ `qv`).
 *
 * A quit (churn) in period q is written as the last day of period q − 1: the
 * member was one through that period, as the importer reads it. Money in
 * major units with the currency's decimals.
 *
 * @example
 * for (const piece of historyCsvPieces(history, "members")) writeSync(fd, piece);
 */
export function* historyCsvPieces(history: History, file: "members" | "customers" | "orders", options: HistoryCsvOptions = {}): Generator<string> {
  const spread = options.dates === "spread";
  const perPiece = options.rowsPerPiece ?? 10_000;
  const cal = history.calendar;
  const { members: m, customers: c, orders: o } = history;
  const memberDays = eventDays(history, m.joinPeriod, m.count, spread);
  const lastDay = (period: number) => formatDay(lastDayOf(cal, period - 1));
  const memberId = (i: number) => csvField(m.ids.text(i));
  if (file === "members") {
    const tree = m.placement;
    yield tree ? "id,sponsor,joined,quit,parent,slot\n" : "id,sponsor,joined,quit\n";
    for (let from = 0; from < m.count; from += perPiece) {
      const lines: string[] = [];
      for (let i = from; i < Math.min(m.count, from + perPiece); i++) {
        const s = m.sponsor[i]!;
        const q = m.quitPeriod[i]!;
        let line = `${memberId(i)},${s < 0 ? "" : memberId(s)},${formatDay(memberDays[i]!)},${q === NEVER ? "" : lastDay(q)}`;
        if (tree) {
          const p = tree.parent[i]!;
          const slot = tree.slot[i]!;
          line += p < 0 ? ",," : `,${memberId(p)},${tree.width === 2 ? (slot === 0 ? "L" : "R") : slot}`;
        }
        lines.push(line + "\n");
      }
      yield lines.join("");
    }
    return;
  }
  const customerDays = eventDays(history, c.joinPeriod, c.count, spread);
  // A customer is acquired no earlier than her distributor joined.
  for (let k = 0; k < c.count; k++) {
    const d = c.distributor[k]!;
    if (m.joinPeriod[d] === c.joinPeriod[k]) customerDays[k] = Math.max(customerDays[k]!, memberDays[d]!);
  }
  const customerId = (k: number) => csvField(c.ids.text(k));
  if (file === "customers") {
    yield "id,distributor,acquired,churned\n";
    for (let from = 0; from < c.count; from += perPiece) {
      const lines: string[] = [];
      for (let k = from; k < Math.min(c.count, from + perPiece); k++) {
        const churn = c.churnPeriod[k]!;
        lines.push(`${customerId(k)},${memberId(c.distributor[k]!)},${formatDay(customerDays[k]!)},${churn === NEVER ? "" : lastDay(churn)}\n`);
      }
      yield lines.join("");
    }
    return;
  }
  const digits = history.digits;
  yield o.qv ? "id,date,member,customer,price,cv,qv,recurring\n" : "id,date,member,customer,price,cv,recurring\n";
  for (let t = 0; t < history.periods; t++) {
    const first = firstDayOf(cal, t);
    const length = lastDayOf(cal, t) - first + 1;
    for (let from = o.periodStart[t]!; from < o.periodStart[t + 1]!; from += perPiece) {
      const lines: string[] = [];
      for (let k = from; k < Math.min(o.periodStart[t + 1]!, from + perPiece); k++) {
        const member = o.member[k]!;
        const customer = o.customer[k]!;
        let day = first;
        if (spread) {
          // A day of the period (a fixed scatter), no earlier than the member's join or the customer's acquisition.
          day = first + ((k * 7919) % length);
          if (m.joinPeriod[member] === t) day = Math.max(day, memberDays[member]!);
          if (customer >= 0 && c.joinPeriod[customer] === t) day = Math.max(day, customerDays[customer]!);
        }
        const who = customer < 0 ? `${memberId(member)},` : `${options.creditedMember ? memberId(member) : ""},${customerId(customer)}`;
        const qv = o.qv ? `,${formatMinor(o.qv[k]!, digits)}` : "";
        lines.push(`O${k + 1},${formatDay(day)},${who},${formatMinor(o.price[k]!, digits)},${formatMinor(o.cv[k]!, digits)}${qv},${o.recurring[k]}\n`);
      }
      yield lines.join("");
    }
  }
}
