/**
 * Rate tables: anywhere a component takes a rate, it may take a table.
 *
 * A rate is written as one of:
 *
 * - a constant: `"0.05"`;
 * - by the earner's paid-as rank: `{ "byRank": [{ "rank": "Gold", "rate": "0.05" }], "base": "0" }`
 *   (the rate of the highest listed rank at or below hers, else `base`, default 0);
 * - by rank × a measure: `{ "byRank": [{ "rank": "Gold", "rates": ["0", "0.05", "0.08"] }],
 *   "column": "lines", "base": ["0"] }`: `rates[k]` when the earner's value of
 *   the measure (a count: lines, legs, …, or any `count` value a component
 *   publishes) is k, the row's last rate beyond its end (zeros allowed);
 * - by a measure alone: `{ "rates": ["0", "0.01", "0.02"], "column": "activeLegs" }`;
 * - by enrolment package: `{ "byPackage": [{ "package": "Pro", "rate": "0.10" }], "of": "lower", "base": "0" }`:
 *   the package of the earner (`of: "earner"`, default), of the buyer (the
 *   member credited with the volume: her own orders and her personal
 *   customers'), or the lower of the two in the plan's package order
 *   (`"lower"`); a package not listed, or none, takes `base`. With `column`,
 *   rows give `rates` as above.
 *
 * Every table compiles to one flat grid, rows × columns, of exact rates: rows
 * are rank numbers 0 (no rank) … top, or package numbers 0 (none) … last, or a
 * single row; columns are the measure's values 0 … width − 1 (the last column
 * holds for every larger value). A lookup is two array reads.
 *
 * The headline rate of a table (what the component's headline counts, for
 * breakage) is its largest cell.
 *
 * @module
 */
import { z } from "zod";
import type { Decimal } from "decimal.js";
import { rateField } from "../validate/fields.js";
import { ComponentFieldError, type CompiledRate, type CompileContext } from "./contract.js";

/** Most columns a row by a measure may have. */
const MAX_COLUMNS = 256;

const rowCells = {
  /** The row's rate (a table without `column`). */
  rate: rateField().optional(),
  /** The row's rates by the column measure's value 0, 1, 2, … (the last for larger values). */
  rates: z.array(rateField()).min(1).max(MAX_COLUMNS).optional(),
};
const rankRow = z.object({ rank: z.string().min(1).max(100), ...rowCells }).strict();
const packageRow = z.object({ package: z.string().min(1).max(100), ...rowCells }).strict();

/** The object form of a rate table (see the module documentation). */
export const rateTableObject = z
  .object({
    /** Rows by the earner's paid-as rank: the highest listed rank at or below hers. */
    byRank: z.array(rankRow).min(1).max(65).optional(),
    /** Rows by enrolment package (see `of`). */
    byPackage: z.array(packageRow).min(1).max(255).optional(),
    /** Whose package selects the row: the earner's (default), the buyer's, or the lower of the two. */
    of: z.enum(["earner", "buyer", "lower"]).optional(),
    /** A count measure (or published count value) whose value selects the column. */
    column: z.string().min(1).max(130).optional(),
    /** A single row by `column` (no `byRank` or `byPackage`). */
    rates: z.array(rateField()).min(1).max(MAX_COLUMNS).optional(),
    /** The rate (or, with `column`, the rates) of rows below every listed rank or of unlisted packages; default 0. */
    base: z.union([rateField(), z.array(rateField()).min(1).max(MAX_COLUMNS)]).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const forms = [t.byRank !== undefined, t.byPackage !== undefined, t.rates !== undefined].filter(Boolean).length;
    if (forms !== 1) {
      ctx.addIssue({ code: "custom", message: "expected exactly one of byRank, byPackage or rates (a row by column)" });
      return;
    }
    if (t.rates !== undefined && t.column === undefined) ctx.addIssue({ code: "custom", path: ["column"], message: "expected a column (the measure that indexes rates)" });
    if (t.of !== undefined && t.byPackage === undefined) ctx.addIssue({ code: "custom", path: ["of"], message: "expected of only with byPackage" });
    const byColumn = t.column !== undefined;
    const rows = t.byRank ?? t.byPackage ?? [];
    const key = t.byRank ? "byRank" : "byPackage";
    rows.forEach((row, i) => {
      if (byColumn && (row.rates === undefined || row.rate !== undefined)) {
        ctx.addIssue({ code: "custom", path: [key, i], message: "expected rates (a list by the column measure) and no rate" });
      } else if (!byColumn && (row.rate === undefined || row.rates !== undefined)) {
        ctx.addIssue({ code: "custom", path: [key, i], message: "expected rate and no rates (rates need a column)" });
      }
    });
    if (t.base !== undefined && Array.isArray(t.base) !== byColumn) {
      ctx.addIssue({ code: "custom", path: ["base"], message: byColumn ? "expected a list of rates (the table has a column)" : "expected one rate (the table has no column)" });
    }
  });

/** A rate as a plan file writes it: a constant or a table. */
export type RateTableInput = string | number | z.input<typeof rateTableObject>;
type RateTableSpec = string | z.output<typeof rateTableObject>;

/**
 * The schema of a rate: a constant (`"0.05"`) or a table (see the module
 * documentation). Errors are reported at the field inside the table.
 *
 * @example
 * rateTableField().parse({ byRank: [{ rank: "Gold", rate: "0.05" }] }) // => { byRank: [{ rank: "Gold", rate: "0.05" }] }
 */
export const rateTableField = () => z.union([rateField(), rateTableObject]);

/**
 * Every rate text of a rate (for the plan's common scale: a component's `rates`).
 *
 * @example
 * rateTableTexts({ byRank: [{ rank: "Gold", rates: ["0", "0.1"] }], column: "lines", base: ["0.05"] }) // => ["0", "0.1", "0.05"]
 */
export function rateTableTexts(input: RateTableSpec): string[] {
  if (typeof input === "string") return [input];
  const texts: string[] = [...(input.rates ?? [])];
  for (const row of input.byRank ?? input.byPackage ?? []) texts.push(...(row.rate === undefined ? [] : [row.rate]), ...(row.rates ?? []));
  if (input.base !== undefined) texts.push(...(Array.isArray(input.base) ? input.base : [input.base]));
  return texts;
}

/** A rate compiled to a grid (see the module documentation). */
export interface CompiledRateTable {
  /** What selects the row: nothing (one row), the earner's paid-as rank, or a package. */
  readonly rows: "none" | "rank" | "package";
  /** For package rows: whose package (the earner's, the buyer's, or the lower of the two). */
  readonly of: "earner" | "buyer" | "lower";
  /** The count value that selects the column, if any. */
  readonly column?: string;
  readonly height: number;
  readonly width: number;
  /** The cells, row-major (`height × width`). */
  readonly cells: readonly CompiledRate[];
  /** The cells' integer forms (rate × scale), row-major, for the fast engine. */
  readonly scaled: Float64Array;
  /** The largest cell: the table's headline rate. */
  readonly max: CompiledRate;
  /** Whether a cell can depend on who bought (package rows of the buyer or the lower package). */
  readonly byBuyer: boolean;
  /** Whether every cell is the same (a constant, in effect). */
  readonly constant: boolean;
}

/**
 * Compiles a rate (constant or table) against the plan: ranks and packages
 * by name, the column measure through `ctx.value` (it must be a count),
 * rates through `ctx.rate`. Problems are reported at `field` (a
 * {@link ComponentFieldError}, which the plan reports at the component's path).
 *
 * @example
 * // In a component's compile, ranks S and G:
 * const t = compileRateTable({ byRank: [{ rank: "G", rate: "0.1" }] }, ctx, "rate");
 * [t.rows, t.height, t.max.text] // => ["rank", 3, "0.1"]
 */
export function compileRateTable(input: RateTableSpec, ctx: CompileContext, field: string): CompiledRateTable {
  const zero = ctx.rate("0");
  let grid: CompiledRate[][];
  let rows: CompiledRateTable["rows"] = "none";
  let column: string | undefined;
  if (typeof input === "string") grid = [[ctx.rate(input)]];
  else {
    if (input.column !== undefined) {
      const info = ctx.value(input.column, `${field}.column`);
      if (info.unit !== "count") throw new ComponentFieldError(`${field}.column`, `expected a count (a measure like lines or legs), but ${JSON.stringify(input.column)} is a ${info.unit}`);
      column = input.column;
    }
    const cellsOf = (row: { rate?: string | undefined; rates?: string[] | undefined }) => (row.rates ?? [row.rate!]).map((t) => ctx.rate(t));
    const base = input.base === undefined ? [zero] : (Array.isArray(input.base) ? input.base : [input.base]).map((t) => ctx.rate(t));
    if (input.rates) grid = [input.rates.map((t) => ctx.rate(t))];
    else if (input.byRank) {
      rows = "rank";
      grid = ctx.byRank(input.byRank.map((r) => ({ rank: r.rank, value: cellsOf(r) })), base, `${field}.byRank`);
    } else {
      rows = "package";
      const seen = new Map<number, number>();
      const listed = input.byPackage!.map((r, i) => {
        const number = ctx.packageNumber(r.package, `${field}.byPackage[${i}].package`);
        const first = seen.get(number);
        if (first !== undefined) throw new ComponentFieldError(`${field}.byPackage[${i}].package`, `expected each package at most once, but ${JSON.stringify(r.package)} is also ${field}.byPackage[${first}].package`);
        seen.set(number, i);
        return { number, cells: cellsOf(r) };
      });
      grid = [base];
      for (let p = 1; p <= ctx.packageNames.length; p++) grid.push(listed.find((l) => l.number === p)?.cells ?? base);
    }
  }
  const width = Math.max(...grid.map((r) => r.length));
  const cells = grid.flatMap((r) => Array.from({ length: width }, (_, c) => r[Math.min(c, r.length - 1)]!));
  const max = cells.reduce((m, c) => (c.value.gt(m.value) ? c : m), cells[0]!);
  const of = typeof input === "string" || input.byPackage === undefined ? "earner" : (input.of ?? "earner");
  return {
    rows,
    of,
    ...(column === undefined ? {} : { column }),
    height: grid.length,
    width,
    cells,
    scaled: Float64Array.from(cells, (c) => c.scaled),
    max,
    byBuyer: rows === "package" && of !== "earner",
    constant: cells.every((c) => c.value.eq(cells[0]!.value)),
  };
}

/**
 * The row of a table for an earner (her paid-as rank and package) and a
 * buyer (her package; the earner's own when the table does not depend on the buyer).
 *
 * @example
 * // byPackage, of "lower", packages 1 and 2: an earner on 2 and a buyer on 1 read row 1.
 * rateRow(table, 0, 2, 1) // => 1
 */
export function rateRow(t: CompiledRateTable, rank: number, earnerPackage: number, buyerPackage: number): number {
  if (t.rows === "none") return 0;
  if (t.rows === "rank") return rank;
  if (t.of === "earner") return earnerPackage;
  if (t.of === "buyer") return buyerPackage;
  return earnerPackage === 0 || buyerPackage === 0 ? 0 : earnerPackage < buyerPackage ? earnerPackage : buyerPackage;
}

/**
 * The integer form (rate × scale) of a cell: row, and the column measure's
 * value (the last column for larger values). The fast engine's lookup.
 *
 * @example
 * // A row by lines [0, 5%, 8%] at scale 100: 4 lines read the last column.
 * scaledRate(table, 0, 4) // => 8
 */
export function scaledRate(t: CompiledRateTable, row: number, columnValue: number): number {
  const w = t.width;
  return t.scaled[row * w + (columnValue < w ? columnValue : w - 1)]!;
}

/**
 * The exact rate of a cell (see {@link scaledRate}). The reference engine's lookup.
 *
 * @example
 * exactRate(table, 0, 4).toString() // => "0.08"
 */
export function exactRate(t: CompiledRateTable, row: number, columnValue: number): Decimal {
  const w = t.width;
  return t.cells[row * w + (columnValue < w ? columnValue : w - 1)]!.value;
}

/**
 * The rate an earner reads from a table in the reference engine: her row
 * (rank or package, with the buyer's package where the table needs it) and
 * the column measure's value from the period's values.
 *
 * @example
 * // In a reference rule: the rate of member m on an order credited to buyer b.
 * referenceRate(s.rate, m, members[b].package, period.values) // => a Decimal
 */
export function referenceRate(
  t: CompiledRateTable,
  earner: { readonly id: number; readonly rank: number; readonly package: number },
  buyerPackage: number,
  values: ReadonlyMap<string, ReadonlyMap<number, Decimal>>,
): Decimal {
  const column = t.column === undefined ? 0 : (values.get(t.column)?.get(earner.id)?.toNumber() ?? 0);
  return exactRate(t, rateRow(t, earner.rank, earner.package, buyerPackage), column);
}

/**
 * The column measure's array in the fast engine, or undefined for a table
 * without a column: read it once per period, then index it by member.
 *
 * @example
 * const column = columnValues(s.rate, period.values);
 * const r = scaledRate(s.rate, rateRow(s.rate, period.rank[i], period.package[i], period.package[i]), column ? column[i] : 0);
 */
export function columnValues(t: CompiledRateTable, values: ReadonlyMap<string, Float64Array>): Float64Array | undefined {
  return t.column === undefined ? undefined : values.get(t.column);
}
