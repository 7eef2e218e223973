/**
 * What a business actually paid: a file of amounts per member and period
 * (and, optionally, per component), read against a history so that its
 * members and periods are the history's. `reconcile` compares it with what
 * a replay computed.
 *
 * @module
 */
import { DownlineInputError, type InputIssue } from "../validate/errors.js";
import { dayOfPeriodText, periodIndexOfDay, periodLabel } from "./calendar.js";
import { parseMinor } from "./fields.js";
import type { History } from "./history.js";
import { readCsvRows, textChunks, type HistoryData, type HistoryFile, type HistoryRecord } from "./import.js";

/** Amounts paid, one entry per row: member (history index), period, component (or ""), amount in minor units (negative for a clawback). */
export interface PaidAmounts {
  readonly history: History;
  readonly count: number;
  readonly member: Int32Array;
  readonly period: Int32Array;
  readonly amount: Float64Array;
  /** Per entry: the component it was paid as, or "" when the file has no `component` column. */
  readonly component: readonly string[];
  /** Whether the file has a `component` column (then differences are per component too). */
  readonly byComponent: boolean;
}

/** Options of {@link importPaid}. */
export interface PaidOptions {
  /** Column names as in your file, by the names used here (`member`, `period`, `amount`, `component`). */
  readonly columns?: Partial<Record<"member" | "period" | "amount" | "component", string>>;
  /** At most this many issues are listed. Default 50. */
  readonly maxIssues?: number;
}

const PAID_COLUMNS = ["member", "period", "amount", "component"] as const;

/** A reader of paid rows, collecting entries and issues. */
function paidReader(history: History, name: string, options: PaidOptions) {
  const maxIssues = options.maxIssues ?? 50;
  const issues: InputIssue[] = [];
  let issueCount = 0;
  const member: number[] = [];
  const period: number[] = [];
  const amount: number[] = [];
  const component: string[] = [];
  let map: number[] = [];
  let byComponent = false;
  const issue = (line: number, field: string, message: string, indexed = false) => {
    issueCount += 1;
    if (issues.length < maxIssues) issues.push({ path: `${indexed ? `${name}[${line}]` : `${name}:${line}`}: ${field}`, message, file: name, line, field } as InputIssue);
  };
  const names = PAID_COLUMNS.map((c) => (options.columns?.[c] ?? c).trim().toLowerCase());
  return {
    issue,
    header(row: readonly string[], line: number): void {
      const seen = row.map((h) => h.trim().toLowerCase());
      map = names.map((n) => seen.indexOf(n));
      for (const c of ["member", "period", "amount"] as const) {
        if (map[PAID_COLUMNS.indexOf(c)]! < 0) issue(line, c, `missing column ${JSON.stringify(names[PAID_COLUMNS.indexOf(c)])}`);
      }
      byComponent = map[3]! >= 0;
    },
    row(row: readonly string[], line: number, indexed = false): void {
      if (map.length === 0) return;
      const get = (c: number) => (map[c]! < 0 ? "" : (row[map[c]!] ?? ""));
      const id = get(0);
      const i = history.members.ids.indexOf(id);
      let ok = true;
      if (i < 0) {
        issue(line, "member", id === "" ? "expected a member id, got nothing" : `unknown member ${JSON.stringify(id)}`, indexed);
        ok = false;
      }
      const periodText = get(1);
      const day = dayOfPeriodText(periodText);
      const t = Number.isNaN(day) ? NaN : periodIndexOfDay(history.calendar.period, day) - history.calendar.first;
      if (Number.isNaN(t)) {
        issue(line, "period", `expected a period (${periodLabel(history.calendar, 0)}) or a date in it, got ${JSON.stringify(periodText)}`, indexed);
        ok = false;
      } else if (t < 0 || t >= history.periods) {
        issue(line, "period", `${periodText} is outside the history (${periodLabel(history.calendar, 0)} to ${periodLabel(history.calendar, history.periods - 1)})`, indexed);
        ok = false;
      }
      const text = get(2);
      const negative = text.startsWith("-");
      const minor = parseMinor(negative ? text.slice(1) : text, history.digits);
      if (Number.isNaN(minor)) {
        issue(line, "amount", `expected an amount with at most ${history.digits} decimals, got ${JSON.stringify(text)}`, indexed);
        ok = false;
      }
      if (!ok) return;
      member.push(i);
      period.push(t);
      amount.push(negative ? -minor : minor);
      component.push(byComponent ? get(3) : "");
    },
    finish(): PaidAmounts {
      if (issueCount > 0) {
        if (issueCount > issues.length) issues.push({ path: "(more)", message: `${issueCount - issues.length} more issues not listed (maxIssues: ${maxIssues})` });
        throw new DownlineInputError("paid", issues);
      }
      return {
        history,
        count: member.length,
        member: Int32Array.from(member),
        period: Int32Array.from(period),
        amount: Float64Array.from(amount),
        component,
        byComponent,
      };
    },
  };
}

/**
 * Reads a file of amounts actually paid — CSV `member,period,amount[,component]`
 * (or JSON Lines with those keys) — against a history: `member` is an
 * external id of the history's members, `period` a period label
 * (`2025-01`, `2025-W05`) or any date in the period, `amount` in major units
 * (a negative amount is a clawback). Every bad row is reported, with its
 * line and field, before any work.
 *
 * @example
 * const paid = await importPaid("member,period,amount\nM1,2025-01,12.50\n", history);
 * paid.amount[0] // => 1250
 */
export async function importPaid(input: HistoryFile | HistoryData, history: History, options: PaidOptions = {}): Promise<PaidAmounts> {
  const file: HistoryFile = typeof input === "object" && input !== null && !(input instanceof Uint8Array) && "data" in input && "name" in input ? input : { name: "paid.csv", data: input as HistoryData };
  const reader = paidReader(history, file.name, options);
  if ((file.format ?? (/\.(jsonl|ndjson)$/i.test(file.name) ? "jsonl" : "csv")) === "jsonl") {
    reader.header(PAID_COLUMNS.map((c) => options.columns?.[c] ?? c), 0);
    let rest = "";
    let line = 0;
    const take = (text: string) => {
      line += 1;
      if (text.trim() === "") return;
      try {
        reader.row(recordRow(JSON.parse(text), options), line);
      } catch (e) {
        reader.issue(line, "(row)", `expected a JSON object (${(e as Error).message})`);
      }
    };
    for await (const chunk of textChunks(file.data)) {
      const text = rest + chunk;
      const parts = text.split("\n");
      rest = parts.pop()!;
      for (const p of parts) take(p.endsWith("\r") ? p.slice(0, -1) : p);
    }
    if (rest !== "") take(rest);
  } else {
    const headed = await readCsvRows(file.data, {
      header: (row, line) => reader.header(row, line),
      row: (row, line) => reader.row(row, line),
      bad: (line, message) => reader.issue(line, "(row)", message),
    });
    if (!headed) reader.issue(1, "(file)", "the file is empty: expected a header line");
  }
  return reader.finish();
}

/** A paid record's fields in column order (values as text). */
function recordRow(record: unknown, options: PaidOptions): string[] {
  if (typeof record !== "object" || record === null || Array.isArray(record)) throw new Error("not an object");
  const lower = new Map(Object.entries(record as Record<string, unknown>).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return PAID_COLUMNS.map((c) => {
    const v = lower.get((options.columns?.[c] ?? c).trim().toLowerCase());
    return v === null || v === undefined ? "" : String(v);
  });
}

/**
 * Amounts paid given as records (`{ member, period, amount, component? }`),
 * with the checks of {@link importPaid}; issues name the record
 * (`paid[3]: member`).
 *
 * @example
 * paidFromRecords([{ member: "M1", period: "2025-01", amount: "12.50" }], history).count // => 1
 */
export function paidFromRecords(records: readonly HistoryRecord[], history: History, options: PaidOptions = {}): PaidAmounts {
  const reader = paidReader(history, "paid", options);
  const hasComponent = records.some((r) => Object.keys(r).some((k) => k.trim().toLowerCase() === (options.columns?.component ?? "component").toLowerCase()));
  reader.header(PAID_COLUMNS.filter((c) => c !== "component" || hasComponent).map((c) => options.columns?.[c] ?? c), 0);
  records.forEach((r, i) => reader.row(recordRow(r, options), i, true));
  return reader.finish();
}
