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
import { parseDayAt } from "./calendar.js";
import { parseFlag, parseMinorAt } from "./fields.js";
import { numberedPrefix, numberAfter } from "./id-table.js";
import { readCsvRows, splitFields, type HistoryData } from "./csv.js";
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
  let lines: Int32Array = new Int32Array(capacity);
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
    lines = more(lines);
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
  // Where each field of the row at hand lies in its text.
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
  const line = (text: string, from: number, to: number, l: number) => {
    if (sampled < 4096 && sizeHint > 0) {
      sampledChars += to - from + 1;
      if (++sampled === 4096 || sampledChars > sizeHint / 2) {
        const rows = Math.ceil((sizeHint / sampledChars) * sampled * 1.02) + 1024;
        if (rows > capacity) grow(rows);
        sampled = 4096;
      }
    }
    if (count === capacity) grow();
    const o = count++;
    lines[o] = l;
    let k = 0;
    for (let s = from; ; k++) {
      const comma = text.indexOf(",", s);
      const end = comma < 0 || comma >= to ? to : comma;
      if (k < width) {
        starts[k] = s;
        ends[k] = end;
      }
      if (end === to) break;
      s = comma + 1;
    }
    if (k + 1 !== width) return void raw.push({ at: o, line: l, row: splitFields(text, from, to) });
    // Column c's field is text[starts[map[c]] .. ends[map[c]]) (the slot past the fields, always empty, when the file has no such column).
    const idFrom = starts[map[O_ID]!]!, idTo = ends[map[O_ID]!]!;
    const memberFrom = starts[map[O_MEMBER]!]!, memberTo = ends[map[O_MEMBER]!]!;
    const customerFrom = starts[map[O_CUSTOMER]!]!, customerTo = ends[map[O_CUSTOMER]!]!;
    const dateFrom = starts[map[O_DATE]!]!, dateTo = ends[map[O_DATE]!]!;
    const qvFrom = starts[map[O_QV]!]!, qvTo = ends[map[O_QV]!]!;
    // The prefixes as the builder's tables will take them: from each column's first numbered id, in rows of the right width.
    if (idPrefix === undefined && idTo > idFrom) idPrefix = prefixOf(text.slice(idFrom, idTo));
    if (memberPrefix === undefined && memberTo > memberFrom) memberPrefix = prefixOf(text.slice(memberFrom, memberTo));
    if (customerPrefix === undefined && customerTo > customerFrom) customerPrefix = prefixOf(text.slice(customerFrom, customerTo));
    const i = numbered(text, idFrom, idTo, idPrefix);
    const m = numbered(text, memberFrom, memberTo, memberPrefix);
    const c = numbered(text, customerFrom, customerTo, customerPrefix);
    const d = dateTo - dateFrom === 10 ? parseDayAt(text, dateFrom, dateTo) : NaN;
    const p = parseMinorAt(text, starts[map[O_PRICE]!]!, ends[map[O_PRICE]!]!, digits);
    const v = parseMinorAt(text, starts[map[O_CV]!]!, ends[map[O_CV]!]!, digits);
    const hasQv = qvTo > qvFrom;
    const q = hasQv ? parseMinorAt(text, qvFrom, qvTo, digits) : 0;
    const r = flagAt(text, starts[map[O_RECURRING]!]!, ends[map[O_RECURRING]!]!);
    if (i < -1 || m < -1 || c < -1 || (m === -1 && c === -1) || Number.isNaN(d) || Number.isNaN(p) || Number.isNaN(v) || Number.isNaN(q) || r < 0) {
      return void raw.push({ at: o, line: l, row: splitFields(text, from, to) });
    }
    id[o] = i;
    member[o] = m;
    customer[o] = c;
    day[o] = d;
    price[o] = p;
    cv[o] = v;
    if (hasQv) (qv ??= new Float64Array(capacity))[o] = q;
    recurring[o] = r;
  };
  await readCsvRows(data, {
    header(row, l) {
      header = row;
      headerLine = l;
      width = row.length;
      // A column the file lacks points at a slot past the row's fields, always empty.
      map = columnMap(options, "orders", row).map((at) => (at < 0 ? width : at));
      starts = new Int32Array(width + 1);
      ends = new Int32Array(width + 1);
    },
    bad(l, message) {
      raw.push({ at: count, line: l, message });
    },
    line,
    row(row, l) {
      // A row of a file with quotes: read as a line of its own when no field holds a comma (its fields are then the same).
      if (row.length === width && !row.some((x) => x.includes(","))) {
        const text = row.join(",");
        return line(text, 0, text.length, l);
      }
      if (count === capacity) grow();
      const o = count++;
      lines[o] = l;
      raw.push({ at: o, line: l, row });
    },
  });
  if (capacity > count * 1.1 + 1024) grow(count); // a file of longer rows than its first ones: no room kept
  return { header, headerLine, count, line: lines, day, price, cv, qv, recurring, id, member, customer, idPrefix, memberPrefix, customerPrefix, raw };
}

/** The prefix a table would take from `text`, or undefined (not numbered). */
function prefixOf(text: string): string | undefined {
  const p = numberedPrefix(text);
  return p < 0 ? undefined : text.slice(0, p);
}

/** -1 for an empty id, its number when `text[from .. to)` is `prefix` and a number, else -2. */
function numbered(text: string, from: number, to: number, prefix: string | undefined): number {
  if (to === from) return -1;
  if (prefix === undefined || to - from < prefix.length || !text.startsWith(prefix, from)) return -2;
  const n = numberAfter(text, from + prefix.length, to);
  return n < 0 ? -2 : n;
}

/** {@link parseFlag} of `text[from .. to)` (`0` and `1` without the substring). */
function flagAt(text: string, from: number, to: number): number {
  if (to === from) return 0;
  if (to === from + 1) {
    const c = text.charCodeAt(from);
    if (c === 48) return 0;
    if (c === 49) return 1;
  }
  return parseFlag(text.slice(from, to));
}
