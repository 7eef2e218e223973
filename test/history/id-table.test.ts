import { describe, expect, it } from "vitest";
import { addFingerprint, createFingerprintSet, createIdTable, findId, idText, internId } from "../../src/history/id-table.js";

describe("interned ids", () => {
  it("number texts in order of first sight; a repeat is -1 − its number", () => {
    const t = createIdTable();
    expect(internId(t, "m1")).toBe(0);
    expect(internId(t, "m2")).toBe(1);
    expect(internId(t, "m1")).toBe(-1);
    expect(internId(t, "")).toBe(2);
    expect(findId(t, "m2")).toBe(1);
    expect(findId(t, "m3")).toBe(-1);
    expect(idText(t, 1)).toBe("m2");
  });

  it("hold 200,000 ids of any text through growth, each found again, none confused (against a Map)", () => {
    const t = createIdTable(4);
    const reference = new Map<string, number>();
    const wrong: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      // Numbers, prefixes, unicode, long texts: ids of any kind.
      const text = i % 5 === 0 ? String(i) : i % 5 === 1 ? `M-${i}` : i % 5 === 2 ? `é${i}✓` : i % 5 === 3 ? `${"x".repeat(i % 40)}${i}` : `${i}`.split("").reverse().join("") + "r";
      const k = internId(t, text);
      const known = reference.get(text);
      // Plain comparisons in the loop (expect() per id would be most of the test's time).
      if (known !== undefined ? k !== -1 - known : k !== reference.size) wrong.push(`intern ${text}: ${k}`);
      if (known === undefined) reference.set(text, k);
    }
    for (const [text, k] of reference) if (findId(t, text) !== k || idText(t, k) !== text) wrong.push(`find ${text}`);
    expect(wrong).toEqual([]);
    expect(findId(t, "not there")).toBe(-1);
    expect(t.count).toBe(reference.size);
  });

  it("a very long id survives the round trip", () => {
    const t = createIdTable();
    const long = "a".repeat(20_000);
    internId(t, long);
    expect(idText(t, 0)).toBe(long);
  });
});

describe("fingerprints", () => {
  it("find repeats among 300,000 texts and nothing else", () => {
    const s = createFingerprintSet();
    let added = 0;
    let repeats = 0;
    for (let i = 0; i < 300_000; i++) if (addFingerprint(s, `o${i}`)) added += 1;
    for (let i = 0; i < 300_000; i += 997) if (!addFingerprint(s, `o${i}`)) repeats += 1;
    expect(added).toBe(300_000);
    expect(repeats).toBe(Math.ceil(300_000 / 997));
    expect(s.count).toBe(300_000);
  });
});

describe("compacted tables", () => {
  it("find every id as before, in a fraction of the memory, and take no more", async () => {
    const { compactIdTable } = await import("../../src/history/id-table.js");
    const t = createIdTable();
    for (let i = 0; i < 50_000; i++) internId(t, i % 2 === 0 ? `M${i}` : `a-much-longer-member-number-${i}`);
    const before = t.table.byteLength;
    compactIdTable(t);
    expect(t.table.byteLength * 4).toBeLessThanOrEqual(before);
    let wrong = 0;
    for (let i = 0; i < 50_000; i++) if (findId(t, i % 2 === 0 ? `M${i}` : `a-much-longer-member-number-${i}`) !== i) wrong += 1;
    expect(wrong).toBe(0);
    expect(findId(t, "M1")).toBe(-1);
    expect(idText(t, 49_999)).toBe("a-much-longer-member-number-49999");
    expect(() => internId(t, "new")).toThrow(/compacted/);
  });
});
