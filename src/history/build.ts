/**
 * Builds a {@link History} from rows of fields, whatever file they came from:
 * the importers (CSV, JSON Lines) and `historyFromRecords` feed it rows, it
 * checks every field, keeps every problem (file, line and field, up to a
 * limit), and at the end orders members and customers, buckets dates into
 * periods, groups the orders by period, and credits customers' orders.
 * Pure: no I/O, and no object per row kept.
 *
 * The rules, in the order they apply:
 *
 * 1. Files are read members first, then customers, then orders: a customer
 *    names a member, an order a member or a customer.
 * 2. Every bad field is an issue `file:line: field: message`; a file with a
 *    missing required column is one issue at line 1. Nothing is built while
 *    there is an issue: the first `maxIssues` are thrown together as a
 *    `DownlineInputError`, before any work.
 * 3. Members get dense indices in order of their join date, then of their
 *    row. A member listed before her sponsor or placement parent, when both
 *    joined the same day, is placed right after her (so a sponsor's index is
 *    always below her recruit's). A sponsor who joined after her recruit, or
 *    a ring of same-day members sponsoring each other, is an issue.
 * 4. Customers get dense indices in order of acquisition date, then row.
 * 5. Periods: period 0 is the one holding `start` (default: the earliest
 *    order's date — the first period that pays anything — or, with no
 *    orders, the earliest join date); the last is the one holding `end`
 *    (default: the latest join, acquisition or order date). Dates bucket as
 *    calendar.ts says.
 * 6. Rows outside the periods are set aside and counted, never dropped
 *    silently: orders before period 0 or after the last, members who joined
 *    and customers acquired after the last. Members and customers from
 *    before period 0 are kept (with negative join periods, as a generated
 *    mature network's), so that tenures and uplines are right.
 * 7. A customer's order is credited to the `member` it names, else to her
 *    distributor, else (her distributor having quit) to her distributor's
 *    nearest upline still a member at the order's period.
 *
 * @module
 */
import { minorDigits } from "../money/amount.js";
import { DownlineInputError, type InputIssue } from "../validate/errors.js";
import { grown } from "../util/grow.js";
import { dayOfPeriodText, formatDay, periodIndexOfDay, parseDay, type HistoryCalendar, type PeriodKind } from "./calendar.js";
import { amountProblem, parseFlag, parseMinor, parseSlot } from "./fields.js";
import { NEVER, externalIds, type History, type HistoryCategory, type HistoryFileSummary } from "./history.js";
import { addFingerprint, addNumberedFingerprint, compactIdTable, createFingerprintSet, createIdTable, findId, findNumberedId, idText, internId, type FingerprintSet, type IdTable } from "./id-table.js";

/** One problem in a history file: where (file, line, field) and what was expected. */
export interface HistoryIssue extends InputIssue {
  /** The file's name as given (`members.csv`). */
  readonly file: string;
  /** 1-based line of the row (the header is line 1 of a CSV file). */
  readonly line: number;
  /** The column, or `(row)` for a problem with the row itself. */
  readonly field: string;
}

/** Options of a history import. */
export interface HistoryOptions {
  /** The length of a period: `"month"` (default) or `"week"` (ISO weeks, Monday to Sunday). */
  readonly period?: PeriodKind;
  /**
   * Period 0: a date, a month (`2025-01`) or an ISO week (`2025-W01`) in it.
   * Default: the period of the earliest order (without orders, of the
   * earliest join); members and customers from before it are kept, with
   * their tenures.
   */
  readonly start?: string;
  /** The last period replayed, named the same way. Default: that of the latest join, acquisition or order date. */
  readonly end?: string;
  /** The currency of prices (ISO 4217). Default `"USD"`. */
  readonly currency?: string;
  /** Positions under a placement parent when the members file has `parent` and `slot`: 2 (binary, the default) or a matrix's width. */
  readonly placementWidth?: number;
  /** At most this many issues are listed (all are counted). Default 50. */
  readonly maxIssues?: number;
  /**
   * Column names as they appear in your files, by the names used here: e.g.
   * `{ members: { id: "member_id", sponsor: "enroller_id" } }`. Names are
   * compared without regard to case or surrounding spaces.
   */
  readonly columns?: {
    readonly members?: Partial<Record<(typeof MEMBER_COLUMNS)[number], string>>;
    readonly customers?: Partial<Record<(typeof CUSTOMER_COLUMNS)[number], string>>;
    readonly orders?: Partial<Record<(typeof ORDER_COLUMNS)[number], string>>;
  };
}

/** Columns of the members file; `id`, `sponsor` and `joined` are required. */
export const MEMBER_COLUMNS = ["id", "sponsor", "joined", "quit", "parent", "slot", "package", "role"] as const;
/** Columns of the customers file; `id`, `distributor` and `acquired` are required. */
export const CUSTOMER_COLUMNS = ["id", "distributor", "acquired", "churned"] as const;
/** Columns of the orders file; `date`, `price`, `cv` and one of `member`/`customer` are required. */
export const ORDER_COLUMNS = ["id", "date", "member", "customer", "price", "cv", "qv", "recurring"] as const;

/** The kinds of history file. */
export type HistoryFileKind = "members" | "customers" | "orders";

const COLUMNS: Record<HistoryFileKind, readonly string[]> = { members: MEMBER_COLUMNS, customers: CUSTOMER_COLUMNS, orders: ORDER_COLUMNS };
const REQUIRED: Record<HistoryFileKind, readonly string[]> = {
  members: ["id", "sponsor", "joined"],
  customers: ["id", "distributor", "acquired"],
  orders: ["date", "price", "cv"],
};

// Column positions in a row handed to the builder (the `map` of a file).
const M_ID = 0, M_SPONSOR = 1, M_JOINED = 2, M_QUIT = 3, M_PARENT = 4, M_SLOT = 5, M_PACKAGE = 6, M_ROLE = 7;
const C_ID = 0, C_DISTRIBUTOR = 1, C_ACQUIRED = 2, C_CHURNED = 3;
const O_ID = 0, O_DATE = 1, O_MEMBER = 2, O_CUSTOMER = 3, O_PRICE = 4, O_CV = 5, O_QV = 6, O_RECURRING = 7;

/** Day numbers are shifted by this to be non-negative in sort keys (years ≥ 1000). */
const DAY_SHIFT = 400_000;
const TWO_31 = 2 ** 31;

/** A file being read: its name, kind, and where each column sits in a row. */
export interface HistoryFileReader {
  readonly file: string;
  readonly kind: HistoryFileKind;
  /** Per column of the kind (`MEMBER_COLUMNS` order …): its position in a row, or -1. */
  readonly map: Int32Array;
  rowsRead: number;
  rowsUsed: number;
  readonly setAside: Record<string, number>;
}

/** The state of a history being built. */
export interface HistoryBuilder {
  readonly period: PeriodKind;
  readonly currency: string;
  readonly digits: number;
  readonly width: number;
  readonly maxIssues: number;
  readonly options: HistoryOptions;
  readonly issues: HistoryIssue[];
  issueCount: number;
  readonly files: HistoryFileReader[];
  /** Names of record arrays (historyFromRecords): their issues say `members[3]`, not `members:3`. */
  readonly indexed: Set<string>;
  // Members, by number in the id table (first sight: a row, or a reference from a row).
  readonly memberIds: IdTable;
  /**
   * Per member, four words side by side (one cache line for what an order's
   * check reads): whether she has a row of her own (1/0), join day, quit day
   * (or NEVER), line of her row (or of the first row naming her).
   */
  mInfo: Int32Array;
  mSponsor: Int32Array;
  mParent: Int32Array;
  mSlot: Uint8Array;
  mPackage: Int32Array;
  mRole: Int32Array;
  /** Table numbers in row order. */
  mRows: Int32Array;
  memberRows: number;
  memberFile: string;
  placement: boolean;
  readonly packages: Map<string, number>;
  readonly roles: Map<string, number>;
  hasPackage: boolean;
  hasRole: boolean;
  // Customers, by number in their id table (one per row: references are looked up).
  readonly customerIds: IdTable;
  /** Per customer, four words side by side: acquisition day, churn day (or NEVER), line, distributor (member table number). */
  cInfo: Int32Array;
  customerFile: string;
  // Orders, in row order.
  /** Fingerprints of the order ids seen, when the orders have ids. */
  orderIds: FingerprintSet | undefined;
  orderLines: Int32Array;
  oMember: Int32Array;
  oCustomer: Int32Array;
  oDay: Int32Array;
  oPrice: Float64Array;
  oCv: Float64Array;
  oQv: Float64Array | undefined;
  oRecurring: Uint8Array;
  orderCount: number;
  orderFile: string;
}

/** An orders file read into columns ahead (parsed-orders.ts): a row kept as parsed (`row`, at order index `at`), or a row the CSV parser refused (`message`, before order `at`). */
export interface RawOrderRow {
  readonly at: number;
  readonly line: number;
  readonly row?: string[];
  readonly message?: string;
}

/**
 * An orders file in columns, rows in file order (`count` of them, the raw
 * ones included, in their place). Plain data and typed arrays: it can be
 * posted from a worker thread, the arrays transferred.
 */
export interface ParsedOrders {
  /** The header as parsed, and its line; undefined for a file without one. */
  readonly header: string[] | undefined;
  readonly headerLine: number;
  readonly count: number;
  /** Per row (arrays may be longer than `count`): its line, day number, price and CV in minor units, QV (when any row has one), recurring flag. */
  readonly line: Int32Array;
  readonly day: Int32Array;
  readonly price: Float64Array;
  readonly cv: Float64Array;
  readonly qv: Float64Array | undefined;
  readonly recurring: Uint8Array;
  /** Per row: the number of its order id (after `idPrefix`), -1 for none; the same for its member and its customer. */
  readonly id: Int32Array;
  readonly member: Int32Array;
  readonly customer: Int32Array;
  /** The prefixes of numbered ids, by column: those of the first numbered id in it. */
  readonly idPrefix: string | undefined;
  readonly memberPrefix: string | undefined;
  readonly customerPrefix: string | undefined;
  /** Rows read by the builder instead, and rows the CSV parser refused, in file order. */
  readonly raw: RawOrderRow[];
}

/** A builder for a history, its options checked. */
export function createHistoryBuilder(options: HistoryOptions = {}): HistoryBuilder {
  const issues: InputIssue[] = [];
  const period = options.period ?? "month";
  if (period !== "month" && period !== "week") issues.push({ path: "period", message: `expected "month" or "week", got ${JSON.stringify(period)}` });
  const currency = options.currency ?? "USD";
  let digits = 2;
  try {
    digits = minorDigits(currency);
  } catch {
    issues.push({ path: "currency", message: `expected an ISO 4217 currency code like "USD", got ${JSON.stringify(currency)}` });
  }
  const width = options.placementWidth ?? 2;
  if (!Number.isInteger(width) || width < 2 || width > 255) issues.push({ path: "placementWidth", message: `expected a whole number from 2 to 255, got ${width}` });
  const maxIssues = options.maxIssues ?? 50;
  if (!Number.isInteger(maxIssues) || maxIssues < 1) issues.push({ path: "maxIssues", message: `expected a whole number ≥ 1, got ${maxIssues}` });
  for (const key of ["start", "end"] as const) {
    const text = options[key];
    if (text !== undefined && (typeof text !== "string" || Number.isNaN(dayOfPeriodText(text)))) {
      issues.push({ path: key, message: `expected a date (2025-01-31), a month (2025-01) or an ISO week (2025-W05), got ${JSON.stringify(text)}` });
    }
  }
  if (issues.length > 0) throw new DownlineInputError("history", issues);
  const n = 1024;
  return {
    period,
    currency,
    digits,
    width,
    maxIssues,
    options,
    issues: [],
    issueCount: 0,
    files: [],
    indexed: new Set(),
    memberIds: createIdTable(n),
    mInfo: new Int32Array(n * 4),
    mSponsor: new Int32Array(n),
    mParent: new Int32Array(n),
    mSlot: new Uint8Array(n),
    mPackage: new Int32Array(n),
    mRole: new Int32Array(n),
    mRows: new Int32Array(n),
    memberRows: 0,
    memberFile: "members",
    placement: false,
    packages: new Map(),
    roles: new Map(),
    hasPackage: false,
    hasRole: false,
    customerIds: createIdTable(n),
    cInfo: new Int32Array(n * 4),
    customerFile: "customers",
    orderIds: undefined,
    orderLines: new Int32Array(n),
    oMember: new Int32Array(n),
    oCustomer: new Int32Array(n),
    oDay: new Int32Array(n),
    oPrice: new Float64Array(n),
    oCv: new Float64Array(n),
    oQv: undefined,
    oRecurring: new Uint8Array(n),
    orderCount: 0,
    orderFile: "orders",
  };
}

/** Records an issue (kept when under the limit, always counted). */
export function addIssue(b: HistoryBuilder, file: string, line: number, field: string, message: string): void {
  b.issueCount += 1;
  if (b.issues.length >= b.maxIssues) return;
  // Records in memory are named by index (members[3]), files by line (members.csv:4).
  const where = b.indexed.has(file) ? `${file}[${line}]` : `${file}:${line}`;
  b.issues.push({ path: `${where}: ${field}`, message, file, line, field });
}

/**
 * Starts a file: matches its header to the kind's columns (case and
 * surrounding spaces aside, through the `columns` option's names). A missing
 * required column, or a file of a kind read out of order, is an issue at
 * line `headerLine`; the reader is returned either way so that rows are
 * still counted (they are not checked).
 */
export function beginFile(b: HistoryBuilder, kind: HistoryFileKind, file: string, header: readonly string[], headerLine = 1): HistoryFileReader {
  const columns = COLUMNS[kind];
  const wanted = wantedColumns(b.options, kind);
  const seen = header.map((h) => h.trim().toLowerCase());
  const map = columnMap(b.options, kind, header);
  let ok = true;
  for (let c = 0; c < columns.length; c++) {
    const at = map[c]!;
    if (at >= 0 && seen.indexOf(wanted[c]!, at + 1) >= 0) {
      addIssue(b, file, headerLine, columns[c]!, `the column ${JSON.stringify(wanted[c])} appears twice`);
      ok = false;
    }
  }
  for (const r of REQUIRED[kind]) {
    if (map[columns.indexOf(r)]! < 0) {
      addIssue(b, file, headerLine, r, `missing column ${JSON.stringify(wanted[columns.indexOf(r)])} (columns: ${seen.map((s) => JSON.stringify(s)).join(", ")})`);
      ok = false;
    }
  }
  if (kind === "orders" && map[O_MEMBER]! < 0 && map[O_CUSTOMER]! < 0) {
    addIssue(b, file, headerLine, "member", `missing column ${JSON.stringify(wanted[O_MEMBER])} or ${JSON.stringify(wanted[O_CUSTOMER])}: an order names a member or a customer`);
    ok = false;
  }
  const order: HistoryFileKind[] = ["members", "customers", "orders"];
  const later = b.files.find((f) => order.indexOf(f.kind) > order.indexOf(kind));
  if (later) {
    addIssue(b, file, headerLine, "(file)", `read ${kind} before ${later.kind} (${later.file}): ${later.kind} refer to ${kind}`);
    ok = false;
  }
  if (kind === "members") {
    b.memberFile = file;
    if ((map[M_PARENT]! >= 0) !== (map[M_SLOT]! >= 0)) {
      addIssue(b, file, headerLine, map[M_PARENT]! < 0 ? "parent" : "slot", "a placement needs both columns, parent and slot");
      ok = false;
    }
  }
  if (kind === "customers") b.customerFile = file;
  if (kind === "orders") {
    b.orderFile = file;
    if (map[O_ID]! >= 0) b.orderIds ??= createFingerprintSet();
  }
  const reader: HistoryFileReader = { file, kind, map: ok ? map : new Int32Array(0), rowsRead: 0, rowsUsed: 0, setAside: {} };
  b.files.push(reader);
  return reader;
}

/** The kind's columns as the `columns` option names them, lower-cased. */
function wantedColumns(options: HistoryOptions, kind: HistoryFileKind): string[] {
  const rename = (options.columns?.[kind] ?? {}) as Record<string, string | undefined>;
  return COLUMNS[kind].map((c) => (rename[c] ?? c).trim().toLowerCase());
}

/** Per column of the kind: its position in `header` (case and surrounding spaces aside, through the `columns` option), or -1. */
export function columnMap(options: HistoryOptions, kind: HistoryFileKind, header: readonly string[]): Int32Array {
  const wanted = wantedColumns(options, kind);
  const seen = header.map((h) => h.trim().toLowerCase());
  return Int32Array.from(wanted, (w) => seen.indexOf(w));
}

/** The field of column `c` in a row ("" when the file has no such column or the row is short). */
function field(row: readonly string[], map: Int32Array, c: number): string {
  const at = map[c]!;
  return at < 0 ? "" : (row[at] ?? "");
}

/**
 * Reads one row of a file begun with {@link beginFile}. `line` is the row's
 * 1-based line in the file; `width` its number of fields as parsed (checked
 * against the header's, for CSV; pass -1 to skip the check).
 */
export function addRow(b: HistoryBuilder, reader: HistoryFileReader, row: readonly string[], line: number, width = -1, expected = -1, at = -1): void {
  reader.rowsRead += 1;
  if (reader.map.length === 0) return; // the header was rejected: rows are counted, not read
  if (width >= 0 && width !== expected) {
    addIssue(b, reader.file, line, "(row)", `expected ${expected} fields (as in the header), got ${width}`);
    // Her id is still known, so that rows naming her are not reported too.
    const id = field(row, reader.map, 0);
    if (reader.kind === "members" && id !== "") {
      const k = memberRef(b, id);
      if (b.mInfo[k * 4] === 0) {
        b.mInfo[k * 4] = 1;
        b.mInfo[k * 4 + 3] = line;
      }
    } else if (reader.kind === "customers" && id !== "" && internId(b.customerIds, id) >= 0) {
      growCustomers(b, b.customerIds.count - 1);
      b.cInfo[(b.customerIds.count - 1) * 4 + 2] = line;
      b.cInfo[(b.customerIds.count - 1) * 4 + 1] = NEVER;
    }
    return;
  }
  if (reader.kind === "members") memberRow(b, reader, row, line);
  else if (reader.kind === "customers") customerRow(b, reader, row, line);
  else orderRow(b, reader, row, line, at);
}

function growMembers(b: HistoryBuilder, k: number): void {
  if (k < b.mSponsor.length) return;
  const cap = Math.ceil(b.mSponsor.length * 1.5) + 16;
  b.mInfo = grown(b.mInfo, cap * 4);
  b.mSponsor = grown(b.mSponsor, cap);
  b.mParent = grown(b.mParent, cap);
  b.mSlot = grown(b.mSlot, cap);
  b.mPackage = grown(b.mPackage, cap);
  b.mRole = grown(b.mRole, cap);
}

/** The table number of a member named in a row (a reference may come before her own row). */
function memberRef(b: HistoryBuilder, text: string): number {
  const r = internId(b.memberIds, text);
  const k = r < 0 ? -1 - r : r;
  growMembers(b, k);
  return k;
}

function category(map: Map<string, number>, text: string): number {
  if (text === "") return -1;
  let code = map.get(text);
  if (code === undefined) map.set(text, (code = map.size));
  return code;
}

function dateProblem(text: string): string {
  return text === "" ? "expected a date like 2025-01-31, got nothing" : `expected a date like 2025-01-31, got ${JSON.stringify(text)}`;
}

function memberRow(b: HistoryBuilder, reader: HistoryFileReader, row: readonly string[], line: number): void {
  const { map, file } = reader;
  const id = field(row, map, M_ID);
  if (id === "") return addIssue(b, file, line, "id", "expected a member id, got nothing");
  const r = internId(b.memberIds, id);
  const k = r < 0 ? -1 - r : r;
  growMembers(b, k);
  if (b.mInfo[k * 4] === 1) return addIssue(b, file, line, "id", `duplicate member id ${JSON.stringify(id)} (also on line ${b.mInfo[k * 4 + 3]})`);
  b.mInfo[k * 4] = 1;
  b.mInfo[k * 4 + 3] = line;
  if (b.memberRows === b.mRows.length) b.mRows = grown(b.mRows, Math.ceil(b.mRows.length * 1.5) + 16);
  b.mRows[b.memberRows++] = k;
  let ok = true;
  const joinedText = field(row, map, M_JOINED);
  const joined = parseDay(joinedText);
  if (Number.isNaN(joined)) {
    addIssue(b, file, line, "joined", dateProblem(joinedText));
    ok = false;
  }
  b.mInfo[k * 4 + 1] = joined | 0;
  const quitText = field(row, map, M_QUIT);
  let quit = NEVER;
  if (quitText !== "") {
    quit = parseDay(quitText);
    if (Number.isNaN(quit)) {
      addIssue(b, file, line, "quit", dateProblem(quitText));
      ok = false;
    } else if (quit < joined) {
      addIssue(b, file, line, "quit", `quit on ${quitText}, before joining on ${joinedText}`);
      ok = false;
    }
  }
  b.mInfo[k * 4 + 2] = quit;
  const sponsorText = field(row, map, M_SPONSOR);
  const sponsor = sponsorText === "" ? -1 : memberRef(b, sponsorText);
  if (sponsor === k) {
    addIssue(b, file, line, "sponsor", `a member cannot sponsor herself (${JSON.stringify(id)})`);
    ok = false;
  }
  b.mSponsor[k] = sponsor;
  b.mParent[k] = -1;
  b.mSlot[k] = 0;
  const parentText = field(row, map, M_PARENT);
  const slotText = field(row, map, M_SLOT);
  if (parentText !== "" || slotText !== "") {
    // A history has a placement tree when any member has a position.
    b.placement = true;
    if (parentText !== "") {
      const parent = memberRef(b, parentText);
      if (parent === k) {
        addIssue(b, file, line, "parent", `a member cannot be placed under herself (${JSON.stringify(id)})`);
        ok = false;
      }
      b.mParent[k] = parent;
      const slot = parseSlot(slotText, b.width);
      if (slot < 0) {
        const names = b.width === 2 ? "0 or 1 (L or R)" : `0 to ${b.width - 1}`;
        addIssue(b, file, line, "slot", `expected a slot ${names}, got ${JSON.stringify(slotText)}`);
        ok = false;
      }
      b.mSlot[k] = Math.max(0, slot);
    } else if (slotText !== "") {
      addIssue(b, file, line, "slot", `a slot (${JSON.stringify(slotText)}) without a placement parent`);
      ok = false;
    }
  }
  b.mPackage[k] = category(b.packages, field(row, map, M_PACKAGE));
  b.mRole[k] = category(b.roles, field(row, map, M_ROLE));
  b.hasPackage ||= b.mPackage[k]! >= 0;
  b.hasRole ||= b.mRole[k]! >= 0;
  if (ok) reader.rowsUsed += 1;
}

function growCustomers(b: HistoryBuilder, k: number): void {
  if (k * 4 < b.cInfo.length) return;
  b.cInfo = grown(b.cInfo, (Math.ceil((b.cInfo.length / 4) * 1.5) + 16) * 4);
}

/** The table number of a member who has a row of her own, or -1. */
function declaredMember(b: HistoryBuilder, text: string): number {
  const k = findId(b.memberIds, text);
  return k >= 0 && b.mInfo[k * 4] === 1 ? k : -1;
}

function customerRow(b: HistoryBuilder, reader: HistoryFileReader, row: readonly string[], line: number): void {
  const { map, file } = reader;
  const id = field(row, map, C_ID);
  if (id === "") return addIssue(b, file, line, "id", "expected a customer id, got nothing");
  const k = internId(b.customerIds, id);
  if (k < 0) return addIssue(b, file, line, "id", `duplicate customer id ${JSON.stringify(id)} (also on line ${b.cInfo[(-1 - k) * 4 + 2]})`);
  growCustomers(b, k);
  b.cInfo[k * 4 + 2] = line;
  let ok = true;
  const distributorText = field(row, map, C_DISTRIBUTOR);
  const d = declaredMember(b, distributorText);
  if (d < 0) {
    addIssue(b, file, line, "distributor", distributorText === "" ? "expected the id of the member who acquired her, got nothing" : `unknown member ${JSON.stringify(distributorText)}`);
    ok = false;
  }
  b.cInfo[k * 4 + 3] = d;
  const acquiredText = field(row, map, C_ACQUIRED);
  const acquired = parseDay(acquiredText);
  if (Number.isNaN(acquired)) {
    addIssue(b, file, line, "acquired", dateProblem(acquiredText));
    ok = false;
  } else if (d >= 0 && (acquired < b.mInfo[d * 4 + 1]! || acquired > b.mInfo[d * 4 + 2]!)) {
    const when = acquired < b.mInfo[d * 4 + 1]! ? `before her distributor ${JSON.stringify(distributorText)} joined (${formatDay(b.mInfo[d * 4 + 1]!)})` : `after her distributor ${JSON.stringify(distributorText)} quit (${formatDay(b.mInfo[d * 4 + 2]!)})`;
    addIssue(b, file, line, "acquired", `acquired on ${acquiredText}, ${when}`);
    ok = false;
  }
  b.cInfo[k * 4] = acquired | 0;
  const churnText = field(row, map, C_CHURNED);
  let churn = NEVER;
  if (churnText !== "") {
    churn = parseDay(churnText);
    if (Number.isNaN(churn)) {
      addIssue(b, file, line, "churned", dateProblem(churnText));
      ok = false;
    } else if (churn < acquired) {
      addIssue(b, file, line, "churned", `churned on ${churnText}, before she was acquired on ${acquiredText}`);
      ok = false;
    }
  }
  b.cInfo[k * 4 + 1] = churn;
  if (ok) reader.rowsUsed += 1;
}

function growOrders(b: HistoryBuilder): void {
  const cap = Math.ceil(b.oDay.length * 1.25) + 1024;
  b.orderLines = grown(b.orderLines, cap);
  b.oMember = grown(b.oMember, cap);
  b.oCustomer = grown(b.oCustomer, cap);
  b.oDay = grown(b.oDay, cap);
  b.oPrice = grown(b.oPrice, cap);
  b.oCv = grown(b.oCv, cap);
  if (b.oQv) b.oQv = grown(b.oQv, cap);
  b.oRecurring = grown(b.oRecurring, cap);
}

/** Reads an order's row into the columns: appended, or at index `at` (≥ 0: a slot kept by {@link addParsedOrders}). */
function orderRow(b: HistoryBuilder, reader: HistoryFileReader, row: readonly string[], line: number, at = -1): void {
  const { map, file } = reader;
  let ok = true;
  if (b.orderIds) {
    const id = field(row, map, O_ID);
    if (id !== "" && !addFingerprint(b.orderIds, id)) {
      addIssue(b, file, line, "id", `duplicate order id ${JSON.stringify(id)} (on an earlier line too)`);
      ok = false;
    }
  }
  const dateText = field(row, map, O_DATE);
  const day = parseDay(dateText);
  if (Number.isNaN(day)) {
    addIssue(b, file, line, "date", dateProblem(dateText));
    ok = false;
  }
  const memberText = field(row, map, O_MEMBER);
  const customerText = field(row, map, O_CUSTOMER);
  let member = -1;
  let customer = -1;
  if (memberText === "" && customerText === "") {
    addIssue(b, file, line, map[O_CUSTOMER]! >= 0 ? "customer" : "member", "expected the member or the customer who placed the order, got neither");
    ok = false;
  }
  if (customerText !== "") {
    customer = findId(b.customerIds, customerText);
    if (customer < 0) {
      addIssue(b, file, line, "customer", `unknown customer ${JSON.stringify(customerText)}`);
      ok = false;
    } else if (ok && (day < b.cInfo[customer * 4]! || day > b.cInfo[customer * 4 + 1]!)) {
      const when = day < b.cInfo[customer * 4]! ? `before she was acquired (${formatDay(b.cInfo[customer * 4]!)})` : `after she churned (${formatDay(b.cInfo[customer * 4 + 1]!)})`;
      addIssue(b, file, line, "date", `an order on ${dateText} by customer ${JSON.stringify(customerText)}, ${when}`);
      ok = false;
    }
  }
  if (memberText !== "") {
    member = declaredMember(b, memberText);
    if (member < 0) {
      addIssue(b, file, line, "member", `unknown member ${JSON.stringify(memberText)}`);
      ok = false;
    } else if (ok && (day < b.mInfo[member * 4 + 1]! || day > b.mInfo[member * 4 + 2]!)) {
      const when = day < b.mInfo[member * 4 + 1]! ? `before she joined (${formatDay(b.mInfo[member * 4 + 1]!)})` : `after she quit (${formatDay(b.mInfo[member * 4 + 2]!)})`;
      addIssue(b, file, line, "date", `an order on ${dateText} credited to member ${JSON.stringify(memberText)}, ${when}`);
      ok = false;
    }
  }
  const priceText = field(row, map, O_PRICE);
  const price = parseMinor(priceText, b.digits);
  if (Number.isNaN(price)) {
    addIssue(b, file, line, "price", amountProblem(priceText, b.digits, b.currency));
    ok = false;
  }
  const cvText = field(row, map, O_CV);
  const cv = parseMinor(cvText, b.digits);
  if (Number.isNaN(cv)) {
    addIssue(b, file, line, "cv", amountProblem(cvText, b.digits, b.currency));
    ok = false;
  }
  let qv = 0;
  const qvText = field(row, map, O_QV);
  if (qvText !== "") {
    qv = parseMinor(qvText, b.digits);
    if (Number.isNaN(qv)) {
      addIssue(b, file, line, "qv", amountProblem(qvText, b.digits, b.currency));
      ok = false;
    }
    // Orders have a QV column when any order has a QV.
    b.oQv ??= new Float64Array(b.oPrice.length);
  }
  const recurringText = field(row, map, O_RECURRING);
  const recurring = parseFlag(recurringText);
  if (recurring < 0) {
    addIssue(b, file, line, "recurring", `expected 1/0, true/false or yes/no, got ${JSON.stringify(recurringText)}`);
    ok = false;
  }
  if (!ok) return;
  const n = at >= 0 ? at : b.orderCount;
  if (n === b.oDay.length) growOrders(b);
  b.orderLines[n] = line;
  b.oMember[n] = member;
  b.oCustomer[n] = customer;
  b.oDay[n] = day;
  b.oPrice[n] = price;
  b.oCv[n] = cv;
  if (b.oQv) b.oQv[n] = qv;
  b.oRecurring[n] = recurring;
  if (at < 0) b.orderCount = n + 1;
  reader.rowsUsed += 1;
}

/**
 * Reads an orders file read into columns ahead (parsed-orders.ts) into the
 * builder: its columns become the builder's; each row is checked against
 * the members and customers as {@link addRow} checks a row (same issues, in
 * the same order); rows kept as parsed go through `addRow` itself.
 */
export function addParsedOrders(b: HistoryBuilder, file: string, p: ParsedOrders): void {
  const raw = p.raw;
  let r = 0;
  if (p.header === undefined) {
    for (; r < raw.length; r++) addIssue(b, file, raw[r]!.line, "(row)", raw[r]!.message!);
    addIssue(b, file, 1, "(file)", "the file is empty: expected a header line");
    return;
  }
  // Rows the parser refused before the header are not counted (no file yet), as in readCsv.
  for (; r < raw.length && raw[r]!.line < p.headerLine; r++) addIssue(b, file, raw[r]!.line, "(row)", raw[r]!.message!);
  const reader = beginFile(b, "orders", file, p.header, p.headerLine);
  const width = p.header.length;
  const count = p.count;
  if (reader.map.length === 0) {
    for (; r < raw.length; r++) {
      reader.rowsRead += 1;
      if (raw[r]!.row === undefined) addIssue(b, file, raw[r]!.line, "(row)", raw[r]!.message!);
    }
    reader.rowsRead += count - raw.filter((x) => x.row !== undefined).length;
    return;
  }
  b.orderLines = p.line;
  b.oDay = p.day;
  b.oPrice = p.price;
  b.oCv = p.cv;
  b.oQv = p.qv;
  b.oRecurring = p.recurring;
  b.oMember = p.member;
  b.oCustomer = p.customer;
  b.orderCount = count;
  const { id, member: memberNumber, customer: customerNumber, day: days, line: lines } = p;
  const { idPrefix, memberPrefix, customerPrefix } = p;
  const ids = b.orderIds;
  // First each table on its own (their lookups are random reads, kept apart and in buckets of
  // numbers: a bucket's part of a table stays in cache), then the rows in order for their issues.
  for (const x of raw) {
    if (x.row === undefined) continue;
    memberNumber[x.at] = -1;
    customerNumber[x.at] = -1;
  }
  const flags = new Uint8Array(count);
  const perm = new Int32Array(count);
  resolveNumbers(memberNumber, days, count, b.memberIds, memberPrefix, b.mInfo, 1, true, flags, BEFORE_JOINING, AFTER_QUITTING, perm);
  resolveNumbers(customerNumber, days, count, b.customerIds, customerPrefix, b.cInfo, 0, false, flags, BEFORE_ACQUIRED, AFTER_CHURNED, perm);
  const mInfo = b.mInfo;
  const cInfo = b.cInfo;
  for (let o = 0; o <= count; o++) {
    let kept: readonly string[] | undefined;
    for (; r < raw.length && raw[r]!.at === o; r++) {
      const x = raw[r]!;
      if (x.row !== undefined) kept = x.row;
      else {
        reader.rowsRead += 1;
        addIssue(b, file, x.line, "(row)", x.message!);
      }
    }
    if (o === count) break;
    const line = lines[o]!;
    if (kept) {
      addRow(b, reader, kept, line, kept.length, width, o);
      continue;
    }
    reader.rowsRead += 1;
    // As orderRow, for a row whose fields all read: what is left are its ids' checks and its dates against them.
    let ok = true;
    const i = id[o]!;
    if (ids && i >= 0 && !addNumberedFingerprint(ids, idPrefix!, i)) {
      addIssue(b, file, line, "id", `duplicate order id ${JSON.stringify(idPrefix! + i)} (on an earlier line too)`);
      ok = false;
    }
    const day = days[o]!;
    const flag = flags[o]!;
    const customer = customerNumber[o]!;
    if (customer < -1) {
      addIssue(b, file, line, "customer", `unknown customer ${JSON.stringify(customerPrefix! + (-2 - customer))}`);
      ok = false;
    } else if (ok && (flag & (BEFORE_ACQUIRED | AFTER_CHURNED)) !== 0) {
      const when = (flag & BEFORE_ACQUIRED) !== 0 ? `before she was acquired (${formatDay(cInfo[customer * 4]!)})` : `after she churned (${formatDay(cInfo[customer * 4 + 1]!)})`;
      addIssue(b, file, line, "date", `an order on ${formatDay(day)} by customer ${JSON.stringify(idText(b.customerIds, customer))}, ${when}`);
      ok = false;
    }
    const member = memberNumber[o]!;
    if (member < -1) {
      addIssue(b, file, line, "member", `unknown member ${JSON.stringify(memberPrefix! + (-2 - member))}`);
      ok = false;
    } else if (ok && (flag & (BEFORE_JOINING | AFTER_QUITTING)) !== 0) {
      const when = (flag & BEFORE_JOINING) !== 0 ? `before she joined (${formatDay(mInfo[member * 4 + 1]!)})` : `after she quit (${formatDay(mInfo[member * 4 + 2]!)})`;
      addIssue(b, file, line, "date", `an order on ${formatDay(day)} credited to member ${JSON.stringify(idText(b.memberIds, member))}, ${when}`);
      ok = false;
    }
    if (!ok) continue; // an issue: nothing is built (the row's slot keeps what it held)
    reader.rowsUsed += 1; // her member and customer are in place (b.oMember is memberNumber)
  }
}

// Flags of an order's day against her member's and customer's dates (addParsedOrders).
const BEFORE_JOINING = 1, AFTER_QUITTING = 2, BEFORE_ACQUIRED = 4, AFTER_CHURNED = 8;

/**
 * Replaces each order's id number (≥ 0; -1: none) by the table number of
 * that id — `prefix` and the number, as findNumberedId (and, with
 * `declared`, only a member with a row of her own) — or by `-2 − number`
 * when there is none; and flags the order's day when it falls before
 * `info[k * 4 + from]` or after the next word. Rows are visited by
 * buckets of 65,536 numbers (`perm`: scratch), each bucket's rows in order.
 */
function resolveNumbers(numbers: Int32Array, days: Int32Array, count: number, table: IdTable, prefix: string | undefined, info: Int32Array, from: number, declared: boolean, flags: Uint8Array, before: number, after: number, perm: Int32Array): void {
  let top = -1;
  for (let o = 0; o < count; o++) if (numbers[o]! > top) top = numbers[o]!;
  if (top < 0) return;
  const starts = new Int32Array((top >>> 16) + 2);
  for (let o = 0; o < count; o++) if (numbers[o]! >= 0) starts[(numbers[o]! >>> 16) + 1]! += 1;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const used = starts[starts.length - 1]!;
  for (let o = 0; o < count; o++) if (numbers[o]! >= 0) perm[starts[numbers[o]! >>> 16]!++] = o;
  const direct = prefix !== undefined && table.prefix === prefix ? table.direct : undefined;
  for (let j = 0; j < used; j++) {
    const o = perm[j]!;
    const n = numbers[o]!;
    const e = direct !== undefined && n < direct.length ? direct[n]! : 0;
    let k = e !== 0 ? e - 1 : direct !== undefined && n < table.spill ? -1 : findNumberedId(table, prefix!, n);
    if (k >= 0 && declared && info[k * 4] !== 1) k = -1;
    if (k < 0) {
      numbers[o] = -2 - n;
      continue;
    }
    numbers[o] = k;
    const day = days[o]!;
    if (day < info[k * 4 + from]!) flags[o]! |= before;
    else if (day > info[k * 4 + from + 1]!) flags[o]! |= after;
  }
}

/** Throws the issues found so far, if any, as one `DownlineInputError`. */
export function throwIssues(b: HistoryBuilder): void {
  if (b.issueCount === 0) return;
  const listed: InputIssue[] = [...b.issues];
  if (b.issueCount > b.issues.length) listed.push({ path: "(more)", message: `${b.issueCount - b.issues.length} more issues not listed (maxIssues: ${b.maxIssues})` });
  throw new DownlineInputError("history", listed);
}

/**
 * Table numbers in order of day, then row: `rows` as they are when the days
 * are in order already; else a counting sort by day (stable: rows keep their
 * order within a day) when the days span no more than about four a row;
 * else a typed sort of packed keys (day, row): no comparator either way.
 */
function orderByDay(info: Int32Array, at: number, rows: Int32Array, count: number): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  let sorted = true;
  for (let r = 0, last = -Infinity; r < count; r++) {
    const day = info[rows[r]! * 4 + at]!;
    if (day < last) sorted = false;
    if (day < lo) lo = day;
    if (day > hi) hi = day;
    last = day;
  }
  if (sorted) return rows.slice(0, count);
  const out = new Int32Array(count);
  if (hi - lo <= 4 * count + 1024) {
    const next = new Int32Array(hi - lo + 2);
    for (let r = 0; r < count; r++) next[info[rows[r]! * 4 + at]! - lo + 1]! += 1;
    for (let d = 1; d < next.length; d++) next[d]! += next[d - 1]!;
    for (let r = 0; r < count; r++) out[next[info[rows[r]! * 4 + at]! - lo]!++] = rows[r]!;
    return out;
  }
  const keys = new Float64Array(count);
  for (let r = 0; r < count; r++) keys[r] = (info[rows[r]! * 4 + at]! + DAY_SHIFT) * TWO_31 + r;
  keys.sort();
  for (let j = 0; j < count; j++) out[j] = rows[keys[j]! % TWO_31]!;
  return out;
}

/**
 * Finishes the history: orders members and customers, buckets the dates,
 * groups the orders by period, credits customers' orders. Throws every issue
 * found (reading and here) as one `DownlineInputError`.
 */
export function finishHistory(b: HistoryBuilder): History {
  const ids = b.memberIds;
  // Every row is in: the order-id fingerprints go, and the id tables shrink to
  // what lookups from now on need (before the orders are regrouped: the peak).
  b.orderIds = undefined;
  compactIdTable(ids);
  compactIdTable(b.customerIds);
  // Members named but never given a row of their own.
  for (let r = 0; r < b.memberRows; r++) {
    const k = b.mRows[r]!;
    const s = b.mSponsor[k]!;
    if (s >= 0 && b.mInfo[s * 4] === 0) addIssue(b, b.memberFile, b.mInfo[k * 4 + 3]!, "sponsor", `unknown sponsor ${JSON.stringify(idText(ids, s))}`);
    const p = b.mParent[k]!;
    if (p >= 0 && b.mInfo[p * 4] === 0) addIssue(b, b.memberFile, b.mInfo[k * 4 + 3]!, "parent", `unknown placement parent ${JSON.stringify(idText(ids, p))}`);
  }
  throwIssues(b);

  // 1. Members in join order.
  const n = b.memberRows;
  const byDay = orderByDay(b.mInfo, 1, b.mRows, n);
  const dense = new Int32Array(ids.count).fill(-1);
  const kOfDense = new Int32Array(n);
  // Members waiting for a same-day sponsor or parent listed after them: linked lists by the awaited member.
  const waitHead = new Int32Array(ids.count).fill(-1);
  const waitTail = new Int32Array(ids.count).fill(-1);
  const waitNext = new Int32Array(ids.count).fill(-1);
  const stack = new Int32Array(n);
  let next = 0;
  const blocker = (k: number): number => {
    const s = b.mSponsor[k]!;
    if (s >= 0 && dense[s]! < 0) return s;
    const p = b.mParent[k]!;
    if (p >= 0 && dense[p]! < 0) return p;
    return -1;
  };
  for (let j = 0; j < n; j++) {
    const first = byDay[j]!;
    let top = 0;
    stack[top++] = first;
    while (top > 0) {
      const k = stack[--top]!;
      const w = blocker(k);
      if (w >= 0) {
        const field = w === b.mSponsor[k] ? "sponsor" : "parent";
        if (b.mInfo[w * 4 + 1]! > b.mInfo[k * 4 + 1]!) {
          const who = field === "sponsor" ? "sponsor" : "placement parent";
          addIssue(b, b.memberFile, b.mInfo[k * 4 + 3]!, field, `her ${who} ${JSON.stringify(idText(ids, w))} joined on ${formatDay(b.mInfo[w * 4 + 1]!)}, after her (${formatDay(b.mInfo[k * 4 + 1]!)}): a ${who} joins no later than her recruit`);
          dense[k] = -2; // rejected: do not place, and do not report her recruits again
          continue;
        }
        if (dense[w] === -2) {
          dense[k] = -2;
          continue;
        }
        // Same day, listed later: wait for her.
        if (waitTail[w]! < 0) waitHead[w] = k;
        else waitNext[waitTail[w]!] = k;
        waitTail[w] = k;
        continue;
      }
      dense[k] = next;
      kOfDense[next++] = k;
      // Her waiting members, in row order: pushed in reverse so the first pops first.
      let count = 0;
      for (let x = waitHead[k]!; x >= 0; x = waitNext[x]!) count += 1;
      let at = top + count;
      for (let x = waitHead[k]!; x >= 0; x = waitNext[x]!) stack[--at] = x;
      top += count;
    }
  }
  if (next < n) {
    for (let r = 0; r < n; r++) {
      const k = b.mRows[r]!;
      if (dense[k] === -1) {
        const w = blocker(k)!;
        const field = w === b.mSponsor[k] ? "sponsor" : "parent";
        const ring: string[] = [idText(ids, k)];
        for (let x = w, steps = 0; x !== k && x >= 0 && steps < 20; steps++) {
          ring.push(idText(ids, x));
          x = blocker(x);
        }
        addIssue(b, b.memberFile, b.mInfo[k * 4 + 3]!, field, `a cycle: ${ring.map((t) => JSON.stringify(t)).join(" → ")} → … (each ${field === "sponsor" ? "sponsored" : "placed"} under the next)`);
      }
    }
  }
  throwIssues(b);

  // 2. The calendar and the periods.
  const period = b.period;
  // Period 0: the given start, else the earliest order's period (the first that pays), else the earliest join's.
  let startDay = b.options.start !== undefined ? dayOfPeriodText(b.options.start) : n > 0 ? b.mInfo[kOfDense[0]! * 4 + 1]! : NaN;
  if (b.options.start === undefined && b.orderCount > 0) {
    startDay = Infinity;
    for (let o = 0; o < b.orderCount; o++) if (b.oDay[o]! < startDay) startDay = b.oDay[o]!;
  }
  if (Number.isNaN(startDay)) {
    addIssue(b, b.memberFile, 1, "(file)", "no members: a history needs at least one member");
    throwIssues(b);
  }
  const first = periodIndexOfDay(period, startDay);
  const periodOf = (day: number): number => periodIndexOfDay(period, day) - first;
  let lastDay = -Infinity;
  if (b.options.end !== undefined) lastDay = dayOfPeriodText(b.options.end);
  else {
    for (let j = 0; j < n; j++) lastDay = Math.max(lastDay, b.mInfo[kOfDense[j]! * 4 + 1]!);
    for (let c = 0; c < b.customerIds.count; c++) lastDay = Math.max(lastDay, b.cInfo[c * 4]!);
    for (let o = 0; o < b.orderCount; o++) lastDay = Math.max(lastDay, b.oDay[o]!);
  }
  const periods = periodOf(lastDay) + 1;
  if (periods < 1) {
    addIssue(b, "options", 0, "end", `the last period (${b.options.end}) comes before the first (${formatDay(startDay)})`);
    throwIssues(b);
  }
  const memberReader = b.files.find((f) => f.kind === "members");
  let members = n;
  while (members > 0 && periodOf(b.mInfo[kOfDense[members - 1]! * 4 + 1]!) >= periods) members -= 1;
  if (members < n && memberReader) setAside(memberReader, "joined after the last period", n - members);
  const sponsor = new Int32Array(members);
  const joinPeriod = new Int32Array(members);
  const quitPeriod = new Int32Array(members);
  for (let i = 0; i < members; i++) {
    const k = kOfDense[i]!;
    const s = b.mSponsor[k]!;
    sponsor[i] = s < 0 ? -1 : dense[s]!;
    joinPeriod[i] = periodOf(b.mInfo[k * 4 + 1]!);
    const q = b.mInfo[k * 4 + 2]!;
    quitPeriod[i] = q === NEVER ? NEVER : Math.min(NEVER, periodOf(q) + 1);
  }
  // The placement tree: each slot under a parent once.
  let placement: History["members"]["placement"];
  if (b.placement) {
    const width = b.width;
    const parent = new Int32Array(members);
    const slot = new Uint8Array(members);
    const holder = new Int32Array(members * width).fill(-1);
    for (let i = 0; i < members; i++) {
      const k = kOfDense[i]!;
      const p = b.mParent[k]!;
      parent[i] = p < 0 ? -1 : dense[p]!;
      slot[i] = b.mSlot[k]!;
      if (p < 0) continue;
      const at = parent[i]! * width + slot[i]!;
      const h = holder[at]!;
      if (h >= 0) {
        addIssue(b, b.memberFile, b.mInfo[k * 4 + 3]!, "slot", `slot ${slot[i]} under ${JSON.stringify(idText(ids, p))} is already taken by ${JSON.stringify(idText(ids, kOfDense[h]!))} (line ${b.mInfo[kOfDense[h]! * 4 + 3]})`);
      } else holder[at] = i;
    }
    placement = { width, parent, slot };
  }
  throwIssues(b);
  const categoryOf = (values: Map<string, number>, codes: Int32Array): HistoryCategory => {
    const code = new Int32Array(members);
    for (let i = 0; i < members; i++) code[i] = codes[kOfDense[i]!]!;
    return { values: [...values.keys()], code };
  };

  // 3. Customers in acquisition order.
  const cCount = b.customerIds.count;
  const cRows = new Int32Array(cCount);
  for (let c = 0; c < cCount; c++) cRows[c] = c;
  const cByDay = orderByDay(b.cInfo, 0, cRows, cCount);
  let customers = cCount;
  while (customers > 0 && periodOf(b.cInfo[cByDay[customers - 1]! * 4]!) >= periods) customers -= 1;
  const customerReader = b.files.find((f) => f.kind === "customers");
  if (customers < cCount && customerReader) setAside(customerReader, "acquired after the last period", cCount - customers);
  const cDense = new Int32Array(cCount).fill(-1);
  const distributor = new Int32Array(customers);
  const cJoinPeriod = new Int32Array(customers);
  const churnPeriod = new Int32Array(customers);
  for (let j = 0; j < customers; j++) {
    const c = cByDay[j]!;
    cDense[c] = j;
    distributor[j] = dense[b.cInfo[c * 4 + 3]!]!;
    cJoinPeriod[j] = periodOf(b.cInfo[c * 4]!);
    const churn = b.cInfo[c * 4 + 1]!;
    churnPeriod[j] = churn === NEVER ? NEVER : Math.min(NEVER, periodOf(churn) + 1);
  }

  // 4. Orders by period: a counting sort; orders outside the periods go last, and are cut off.
  const orderReader = b.files.find((f) => f.kind === "orders");
  const total = b.orderCount;
  const oPeriod = b.oDay; // reused: day → period, in place
  const counts = new Int32Array(periods + 2);
  let before = 0;
  let after = 0;
  let inOrder = true;
  // Days → periods through a table over the orders' days (a few years of days: millions of orders on each).
  let lo = Infinity;
  let hi = -Infinity;
  for (let o = 0; o < total; o++) {
    const d = oPeriod[o]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const periodOfDay = total > 0 && hi - lo < 1 << 20 ? new Int32Array(hi - lo + 1) : undefined;
  if (periodOfDay) for (let d = lo; d <= hi; d++) periodOfDay[d - lo] = periodOf(d);
  for (let o = 0, last = -Infinity; o < total; o++) {
    const t = periodOfDay ? periodOfDay[oPeriod[o]! - lo]! : periodOf(oPeriod[o]!);
    oPeriod[o] = t;
    if (t < 0) before += 1;
    else if (t >= periods) after += 1;
    else {
      counts[t + 1]! += 1;
      if (t < last) inOrder = false;
      last = t;
    }
  }
  if (orderReader) {
    if (before > 0) setAside(orderReader, "before the first period", before);
    if (after > 0) setAside(orderReader, "after the last period", after);
  }
  for (let t = 0; t < periods; t++) counts[t + 1]! += counts[t]!;
  const used = counts[periods]!;
  const periodStart = counts.slice(0, periods + 1);
  // Exact sizes, one column at a time: each new column is scattered from the
  // old one (writes run in one stream per period, sequentially), then the old
  // one is dropped, so the orders are held twice only one column at a time.
  let target: Int32Array | undefined;
  if (!inOrder || before + after > 0) {
    target = new Int32Array(total);
    let outside = used;
    for (let o = 0; o < total; o++) {
      const t = oPeriod[o]!;
      target[o] = t < 0 || t >= periods ? outside++ : counts[t]!++;
    }
  }
  const lines = scatterInt(b.orderLines, target, total, used);
  b.orderLines = new Int32Array(0);
  const oMember = scatterInt(b.oMember, target, total, used);
  b.oMember = new Int32Array(0);
  const oCustomer = scatterInt(b.oCustomer, target, total, used);
  b.oCustomer = new Int32Array(0);
  const price = scatterFloat(b.oPrice, target, total, used);
  b.oPrice = new Float64Array(0);
  const cv = scatterFloat(b.oCv, target, total, used);
  b.oCv = new Float64Array(0);
  const qv = b.oQv ? scatterFloat(b.oQv, target, total, used) : undefined;
  b.oQv = undefined;
  const recurring = new Uint8Array(used);
  for (let o = 0; o < total; o++) {
    const to = target ? target[o]! : o;
    if (to < used) recurring[to] = b.oRecurring[o]!;
  }
  b.oRecurring = new Uint8Array(0);
  b.oDay = new Int32Array(0);
  target = undefined;
  for (let k = 0; k < used; k++) {
    const m = oMember[k]!;
    const c = oCustomer[k]!;
    oMember[k] = m < 0 ? -1 : dense[m]!;
    oCustomer[k] = c < 0 ? -1 : cDense[c]!;
  }
  // 5. Customers' orders with no member named: her distributor, or her nearest upline still a member.
  const up = sponsor.slice();
  for (let t = 0; t < periods; t++) {
    for (let at = periodStart[t]!; at < periodStart[t + 1]!; at++) {
      if (oMember[at]! >= 0) continue;
      const d = distributor[oCustomer[at]!]!;
      let x = d;
      while (x >= 0 && quitPeriod[x]! <= t) x = up[x]!;
      // Path compression: everyone passed has quit for good.
      for (let y = d; y !== x; ) {
        const u = up[y]!;
        up[y] = x;
        y = u;
      }
      if (x < 0) {
        addIssue(b, b.orderFile, lines[at]!, "customer", `no member to credit: her distributor ${JSON.stringify(idText(ids, kOfDense[d]!))} and every upline above her have quit before this order's period`);
      }
      oMember[at] = x;
    }
  }
  throwIssues(b);
  if (orderReader) orderReader.rowsUsed -= before + after;
  if (memberReader) memberReader.rowsUsed -= n - members;
  if (customerReader) customerReader.rowsUsed -= cCount - customers;

  const calendar: HistoryCalendar = { period, first };
  return {
    calendar,
    periods,
    currency: b.currency,
    digits: b.digits,
    members: {
      count: members,
      ids: externalIds(ids, dense, kOfDense, members),
      sponsor,
      joinPeriod,
      quitPeriod,
      ...(placement ? { placement } : {}),
      ...(b.hasPackage ? { package: categoryOf(b.packages, b.mPackage) } : {}),
      ...(b.hasRole ? { role: categoryOf(b.roles, b.mRole) } : {}),
    },
    customers: {
      count: customers,
      ids: externalIds(b.customerIds, cDense, cByDay, customers),
      distributor,
      joinPeriod: cJoinPeriod,
      churnPeriod,
    },
    orders: { count: used, periodStart, member: oMember, customer: oCustomer, price, cv, ...(qv ? { qv } : {}), recurring },
    files: b.files.map(summaryOf),
  };
}

/** Entries of `a` moved to `target[o]` (or kept in place without a target), the first `used` of them, in a new array. */
function scatterInt(a: Int32Array, target: Int32Array | undefined, total: number, used: number): Int32Array {
  if (!target) return a.slice(0, used);
  const out = new Int32Array(used);
  for (let o = 0; o < total; o++) {
    const to = target[o]!;
    if (to < used) out[to] = a[o]!;
  }
  return out;
}

/** As {@link scatterInt}, for money columns. */
function scatterFloat(a: Float64Array, target: Int32Array | undefined, total: number, used: number): Float64Array {
  if (!target) return a.slice(0, used);
  const out = new Float64Array(used);
  for (let o = 0; o < total; o++) {
    const to = target[o]!;
    if (to < used) out[to] = a[o]!;
  }
  return out;
}

function setAside(reader: HistoryFileReader, reason: string, count: number): void {
  reader.setAside[reason] = (reader.setAside[reason] ?? 0) + count;
}

function summaryOf(r: HistoryFileReader): HistoryFileSummary {
  return { file: r.file, rowsRead: r.rowsRead, rowsUsed: r.rowsUsed, setAside: { ...r.setAside } };
}
