/**
 * Text cells of CSV files that are safe to open: quoted when they must be,
 * and never read as a formula by a spreadsheet.
 *
 * @module
 */

/** A cell a spreadsheet would run as a formula (OWASP's list: = + - @, a tab, a carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell (a name from a plan or a scenario, a label) for a CSV file:
 * - a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 *   leading `'`, so that a spreadsheet shows it as text instead of running it
 *   (`=HYPERLINK(…)` → `'=HYPERLINK(…)`);
 * - control characters (which no name needs, and which a terminal would
 *   obey) are written as `\u001b`-style escapes, so a cell is one line;
 * - a cell holding a comma, a quote or an outer space is quoted (RFC 4180).
 *
 * Numbers are written as numbers, not through this: a negative amount keeps
 * its minus sign.
 *
 * @example
 * csvText("Gold, Silver") // => '"Gold, Silver"'
 * csvText("=1+1") // => "'=1+1"
 * csvText("-5%") // => "'-5%"
 */
export function csvText(text: string): string {
  const safe = (FORMULA_START.test(text) ? `'${text}` : text)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return /[",]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number already written as decimal text (an amount in major units, `"-12.50"`): written as it is, not escaped as text. */
export interface CsvDecimal {
  readonly decimal: string;
}

/** A cell of {@link csvLine}. */
export type CsvCell = string | number | boolean | null | undefined | CsvDecimal;

/**
 * A CSV line from cells: numbers as JavaScript writes them (NaN and
 * infinities as empty cells), decimals (`{ decimal: "-12.50" }`) as they
 * are, `null`/`undefined` empty, text through {@link csvText}.
 *
 * @example
 * csvLine(["Top 1%", 12.5, null, -3, { decimal: "-0.50" }]) // => "Top 1%,12.5,,-3,-0.50\n"
 */
export function csvLine(cells: readonly CsvCell[]): string {
  return (
    cells
      .map((c) => {
        if (c === null || c === undefined) return "";
        if (typeof c === "number") return Number.isFinite(c) ? String(c) : "";
        if (typeof c === "boolean") return String(c);
        if (typeof c === "object") return /^-?\d+(\.\d+)?$/.test(c.decimal) ? c.decimal : csvText(c.decimal);
        return csvText(c);
      })
      .join(",") + "\n"
  );
}
