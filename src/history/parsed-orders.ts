/**
 * An orders file read into columns before the members and customers are
 * known: what can be read from a row alone (its line, date, amounts, flag,
 * and its ids as numbers when they are numbered: a prefix and a number) is
 * read here, so that this part can run on another thread while the members
 * and customers are read (`downline/node` does, for files on disk). Rows that
 * are not plain — a field that does not read, an id that is not numbered,
 * a row of the wrong width — are kept as they were parsed and read later by
 * the builder, the same way as any row: the history and its issues are the
 * same either way ({@link addParsedOrders} in build.ts applies the rest of
 * the checks).
 *
 * @module
 */
import { parseDay } from "./calendar.js";
import { parseFlag, parseMinor } from "./fields.js";
import { numberedPrefix, numberAfter } from "./id-table.js";
import { readCsvRows, type HistoryData } from "./import.js";
import { minorDigits } from "../money/amount.js";
import { grown } from "../util/grow.js";
import { columnMap, type HistoryOptions, type ParsedOrders, type RawOrderRow } from "./build.js";

/** Positions of the orders' columns (as ORDER_COLUMNS). */
const O_ID = 0, O_DATE = 1, O_MEMBER = 2, O_CUSTOMER = 3, O_PRICE = 4, O_CV = 5, O_QV = 6, O_RECURRING = 7;

/** The typed arrays of `p`, for a transfer list. */
export function parsedOrdersBuffers(p: ParsedOrders): ArrayBuffer[] {
  const arrays = [p.line, p.day, p.price, p.cv, p.qv, p.recurring, p.id, p.member, p.customer];
  return arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}

/**
 * Reads an orders file (CSV) into columns. `sizeHint`: the file's bytes
 * when known, to size the columns once (an estimate: they grow past it).
 */
export async function parseOrders(data: HistoryData, options: HistoryOptions, sizeHint = 0): Promise<ParsedOrders> {
  let digits = 2;
  try {
    digits = minorDigits(options.currency ?? "USD");
  } catch {
    // The builder refuses the currency (createHistoryBuilder): nothing read here is used then.
  }
  let capacity = 1 << 16;
  // Characters of the first rows: the file's size over their mean, once, is the columns' size.
  let sampled = 0;
  let sampledChars = 0;
  let line: Int32Array = new Int32Array(capacity);
  let day: Int32Array = new Int32Array(capacity);
  let price: Float64Array = new Float64Array(capacity);
  let cv: Float64Array = new Float64Array(capacity);
  let qv: Float64Array | undefined;
  let recurring: Uint8Array = new Uint8Array(capacity);
  let id: Int32Array = new Int32Array(capacity);
  let member: Int32Array = new Int32Array(capacity);
  let customer: Int32Array = new Int32Array(capacity);
  const grow = (to = Math.ceil(capacity * 1.25) + 1024) => {
    capacity = to;
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => grown(a, capacity);
    line = more(line);
    day = more(day);
    price = more(price);
    cv = more(cv);
    if (qv) qv = more(qv);
    recurring = more(recurring);
    id = more(id);
    member = more(member);
    customer = more(customer);
  };
  let header: string[] | undefined;
  let headerLine = 0;
  let map: Int32Array = new Int32Array(0);
  let width = 0;
  let count = 0;
  let idPrefix: string | undefined;
  let memberPrefix: string | undefined;
  let customerPrefix: string | undefined;
  const raw: RawOrderRow[] = [];
  const at = (row: string[], c: number) => (map[c]! < 0 ? "" : row[map[c]!]!);
  await readCsvRows(data, {
    header(row, l) {
      header = row;
      headerLine = l;
      map = columnMap(options, "orders", row);
      width = row.length;
    },
    bad(l, message) {
      raw.push({ at: count, line: l, message });
    },
    row(row, l) {
      if (sampled < 4096 && sizeHint > 0) {
        for (let f = 0; f < row.length; f++) sampledChars += row[f]!.length + 1;
        if (++sampled === 4096 || sampledChars > sizeHint / 2) {
          const rows = Math.ceil((sizeHint / sampledChars) * sampled * 1.02) + 1024;
          if (rows > capacity) {
            grow(rows);
          }
          sampled = 4096;
        }
      }
      if (count === capacity) grow();
      const o = count++;
      line[o] = l;
      if (row.length !== width) return void raw.push({ at: o, line: l, row });
      // The prefixes as the builder's tables will take them: from each column's first numbered id, in rows of the right width.
      const idText = at(row, O_ID);
      const memberText = at(row, O_MEMBER);
      const customerText = at(row, O_CUSTOMER);
      if (idPrefix === undefined && idText !== "") idPrefix = prefixOf(idText);
      if (memberPrefix === undefined && memberText !== "") memberPrefix = prefixOf(memberText);
      if (customerPrefix === undefined && customerText !== "") customerPrefix = prefixOf(customerText);
      const i = numbered(idText, idPrefix);
      const m = numbered(memberText, memberPrefix);
      const c = numbered(customerText, customerPrefix);
      const dateText = at(row, O_DATE);
      const d = dateText.length === 10 ? parseDay(dateText) : NaN;
      const p = parseMinor(at(row, O_PRICE), digits);
      const v = parseMinor(at(row, O_CV), digits);
      const qvText = at(row, O_QV);
      const q = qvText === "" ? 0 : parseMinor(qvText, digits);
      const r = parseFlag(at(row, O_RECURRING));
      if (i < -1 || m < -1 || c < -1 || (m === -1 && c === -1) || Number.isNaN(d) || Number.isNaN(p) || Number.isNaN(v) || Number.isNaN(q) || r < 0) {
        return void raw.push({ at: o, line: l, row });
      }
      id[o] = i;
      member[o] = m;
      customer[o] = c;
      day[o] = d;
      price[o] = p;
      cv[o] = v;
      if (qvText !== "") (qv ??= new Float64Array(capacity))[o] = q;
      recurring[o] = r;
    },
  });
  if (capacity > count * 1.1 + 1024) grow(count); // a file of longer rows than its first ones: no room kept
  return { header, headerLine, count, line, day, price, cv, qv, recurring, id, member, customer, idPrefix, memberPrefix, customerPrefix, raw };
}

/** The prefix a table would take from `text`, or undefined (not numbered). */
function prefixOf(text: string): string | undefined {
  const p = numberedPrefix(text);
  return p < 0 ? undefined : text.slice(0, p);
}

/** -1 for an empty id, its number when it is `prefix` and a number, else -2. */
function numbered(text: string, prefix: string | undefined): number {
  if (text === "") return -1;
  if (prefix === undefined || !text.startsWith(prefix)) return -2;
  const n = numberAfter(text, prefix.length);
  return n < 0 ? -2 : n;
}
