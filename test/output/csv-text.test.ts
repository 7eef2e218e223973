import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { csvLine, csvText } from "../../src/output/csv-text.js";
import { membersCsvPieces } from "../../src/output/member-csv.js";
import { simulate } from "../../src/run/simulate.js";

describe("CSV text cells", () => {
  it("formula-like cells (= + - @, a tab, a carriage return) get a leading quote mark; numbers keep their sign", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"].map(csvText)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\\u0009x", "'\\u000dx"]);
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvLine([-12.5, "a-b", "Gold"])).toBe("-12.5,a-b,Gold\n");
  });

  it("control characters are escaped, commas and quotes quoted: every cell one line, read back as written", () => {
    expect(csvText("a\u001b[31mb")).toBe("a\\u001b[31mb");
    expect(csvText("a\nb")).toBe("a\\u000ab");
    const line = csvLine(["Gold, Silver", 'say "hi"', " pad", 3, NaN, null, true]);
    expect(Papa.parse<string[]>(line.trimEnd()).data[0]).toEqual(["Gold, Silver", 'say "hi"', " pad", "3", "", "", "true"]);
  });

  it("rank names in the member CSV are escaped", () => {
    const r = simulate({
      scenario: { months: 2, start: { network: { distributors: 50 } } },
      plan: { ranks: [{ name: "=cmd|' /C calc'!A0", pv: "0" }], components: [{ type: "unilevel", rates: ["0.05"] }] },
      ledger: false,
    });
    const csv = [...membersCsvPieces(r.memberColumns, r.digits, 10_000, r.plan.ranks)].join("");
    const rows = Papa.parse<string[]>(csv.trimEnd()).data;
    const rank = rows[0]!.indexOf("rank");
    expect(rows.slice(1).some((row) => row[rank] === "'=cmd|' /C calc'!A0")).toBe(true);
    expect(rows.slice(1).every((row) => !row[rank]!.startsWith("="))).toBe(true);
  });
});
