/**
 * Malformed history files: each one is rejected before any work with a
 * DownlineInputError whose issues name the file, the line and the field —
 * never a crash, never a silently wrong history. Each case differs from the
 * good files below by one defect, and the good files import.
 */
import { describe, expect, it } from "vitest";
import { DownlineInputError } from "../../src/validate/errors.js";
import type { HistoryIssue, HistoryOptions } from "../../src/history/build.js";
import { importHistory, type HistoryInput } from "../../src/history/import.js";
import { CASES, MEMBERS, ORDERS, files, plus } from "./malformed-cases.js";

async function rejection(input: HistoryInput, options: HistoryOptions = {}): Promise<HistoryIssue[]> {
  let thrown: unknown;
  try {
    await importHistory(input, options);
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error("expected a DownlineInputError, but the files were accepted");
  if (!(thrown instanceof DownlineInputError)) throw thrown;
  expect(thrown.source).toBe("history");
  return thrown.issues as HistoryIssue[];
}

describe("malformed history files are rejected with file, line and field", () => {
  it("the good files import", async () => {
    const history = await importHistory(files({}));
    expect(history.members.count).toBe(4);
    expect(history.orders.count).toBe(4);
  });

  it(`has at least 20 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)("%s", async (_what, replace, file, line, field, message) => {
    const issues = await rejection(files(replace));
    const issue = issues.find((i) => i.file === file && i.line === line && i.field === field);
    expect(issue, `issues: ${issues.map((i) => `${i.path}: ${i.message}`).join(" | ")}`).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(issue!.path).toBe(`${file}:${line}: ${field}`);
  });

  it("a byte-order mark is accepted (CSV and JSON Lines), as text or as bytes", async () => {
    const bom = "\ufeff";
    const viaText = await importHistory(files({ members: bom + MEMBERS, orders: bom + ORDERS }));
    expect(viaText.members.count).toBe(4);
    const bytes = new TextEncoder().encode(bom + MEMBERS);
    expect(bytes[0]).toBe(0xef);
    const viaBytes = await importHistory({ ...files({}), members: { name: "members.csv", data: bytes } });
    expect(viaBytes.members.ids.text(0)).toBe("A");
    const jsonl = await importHistory({ members: { name: "members.jsonl", data: `${bom}{"id":"A","sponsor":null,"joined":"2025-01-02"}\n` } });
    expect(jsonl.members.ids.text(0)).toBe("A");
  });

  it("every bad row is reported at once, up to maxIssues, and the rest counted", async () => {
    const bad = plus(MEMBERS, ...Array.from({ length: 30 }, (_, k) => `X${k},,2025-13-01,,,`));
    const issues = await rejection(files({ members: bad }), { maxIssues: 10 });
    expect(issues).toHaveLength(11);
    expect(issues.slice(0, 10).map((i) => i.line)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(issues[10]!.path).toBe("(more)");
    expect(issues[10]!.message).toMatch(/20 more issues not listed/);
  });

  it("JSON Lines: a line that is not JSON, and a value that is an object", async () => {
    const issues = await rejection({
      members: { name: "members.jsonl", data: '{"id":"A","joined":"2025-01-02"}\n{"id":"B",\n{"id":"C","sponsor":{"id":"A"},"joined":"2025-01-03"}\n' },
    });
    expect(issues.map((i) => i.path)).toEqual(["members.jsonl:2: (row)", "members.jsonl:3: sponsor"]);
    expect(issues[0]!.message).toMatch(/expected a JSON object/);
    expect(issues[1]!.message).toMatch(/expected a string, a number or a boolean, got an object/);
  });

  it("bad options are named before any file is read", async () => {
    const issues = await rejection(files({}), { period: "day" as never, currency: "XYZ", start: "soon" });
    expect(issues.map((i) => i.path)).toEqual(["period", "currency", "start"]);
  });
});
