import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { guessLineBreak, readCsvRows } from "../../src/history/import.js";

type Event = [kind: "header" | "row" | "bad", line: number, value: string[] | string];

/** What readCsvRows reports, as a list. */
async function events(chunks: string[]): Promise<Event[]> {
  const out: Event[] = [];
  await readCsvRows(chunks, {
    header: (row, line) => out.push(["header", line, row]),
    row: (row, line) => out.push(["row", line, row]),
    bad: (line, message) => out.push(["bad", line, message]),
  });
  return out;
}

/**
 * The reader as it was before unquoted text was split without Papa Parse
 * (every piece through Papa Parse's stream interface): the reference the
 * fast path must agree with, row for row and line for line.
 */
async function papaEvents(chunks: string[]): Promise<Event[]> {
  const out: Event[] = [];
  const listeners: Record<string, (chunk?: string) => void> = {};
  const source = { readable: true, read() {}, on: (e: string, l: (chunk?: string) => void) => (listeners[e] = l), removeListener() {}, pause() {}, resume() {} };
  let headed = false;
  let line = 0;
  let quoted = false;
  Papa.parse(source as unknown as NodeJS.ReadableStream, {
    header: false,
    delimiter: ",",
    quoteChar: '"',
    skipEmptyLines: false,
    chunk(results: Papa.ParseResult<string[]>) {
      const errors = new Map(results.errors.map((e) => [e.row, e]));
      results.data.forEach((row, r) => {
        const at = line + 1;
        let span = 0;
        if (quoted) for (const f of row) for (let p = f.indexOf("\n"); p >= 0; p = f.indexOf("\n", p + 1)) span += 1;
        line = at + span;
        if (row.length === 1 && row[0] === "") return;
        const e = errors.get(r);
        if (e) out.push(["bad", at, e.code === "MissingQuotes" ? "a quoted field is never closed" : e.message]);
        else if (!headed) {
          headed = true;
          out.push(["header", at, row]);
        } else out.push(["row", at, row]);
      });
    },
    complete() {},
  });
  let first = true;
  for (let chunk of chunks) {
    if (chunk === "") continue;
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    if (!quoted && chunk.includes('"')) quoted = true;
    for (let at = 0; at < chunk.length; at += 1 << 16) listeners.data!(at === 0 && chunk.length <= 1 << 16 ? chunk : chunk.slice(at, at + (1 << 16)));
  }
  listeners.end!();
  return out;
}

describe("CSV rows: unquoted text split without Papa Parse, as Papa Parse splits it", () => {
  it("guesses line breaks as Papa Parse does", () => {
    expect(guessLineBreak("a,b\nc")).toBe("\n");
    expect(guessLineBreak("a,b\r\nc\r\n")).toBe("\r\n");
    expect(guessLineBreak("a,b\rc\r")).toBe("\r");
    expect(guessLineBreak('a,"x\ry"\nb')).toBe("\n");
    expect(guessLineBreak("")).toBe("\n");
  });

  it("agrees with Papa Parse on texts of commas, quotes and line breaks of every kind, cut into chunks anywhere", async () => {
    const text = fc.stringMatching(/^[ab,"\r\né\uFEFF]{0,60}$/);
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(60), { maxLength: 6 }), async (t, cuts) => {
        const at = [...new Set(cuts.filter((c) => c < t.length))].sort((x, y) => x - y);
        const chunks = [0, ...at].map((from, i) => t.slice(from, i < at.length ? at[i] : t.length));
        expect(await events(chunks)).toEqual(await papaEvents(chunks));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees on long files: a quote first seen deep in, CRLF, blank lines, no final line break", async () => {
    const rows: string[] = ["id,sponsor,joined"];
    for (let i = 0; i < 30_000; i++) rows.push(i === 25_000 ? `m${i},"m,${i - 1}\nx",2025-01-01` : i % 1000 === 0 ? "" : `m${i},m${i - 1},2025-01-01`);
    for (const eol of ["\n", "\r\n"]) {
      const whole = "\uFEFF" + rows.join(eol);
      const chunks = [whole.slice(0, 100_000), whole.slice(100_000, 400_000), whole.slice(400_000)];
      const ours = await events(chunks);
      expect(ours).toEqual(await papaEvents(chunks));
      expect(ours.at(-1)).toEqual(["row", 30_001 + 1, ["m29999", "m29998", "2025-01-01"]]);
    }
  });
});
