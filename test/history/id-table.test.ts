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

describe("numbered ids (a prefix and a number: looked up by number)", () => {
  /** Interns `texts` in order and checks every answer against a Map, then every lookup and text. */
  function againstMap(texts: readonly string[], probes: readonly string[] = []) {
    const t = createIdTable(4);
    const reference = new Map<string, number>();
    const wrong: string[] = [];
    for (const text of texts) {
      const k = internId(t, text);
      const known = reference.get(text);
      if (known !== undefined ? k !== -1 - known : k !== reference.size) wrong.push(`intern ${JSON.stringify(text)}: ${k}`);
      if (known === undefined) reference.set(text, k);
    }
    for (const [text, k] of reference) if (findId(t, text) !== k || idText(t, k) !== text) wrong.push(`find ${JSON.stringify(text)}`);
    for (const text of probes) if (!reference.has(text) && findId(t, text) !== -1) wrong.push(`absent ${JSON.stringify(text)} found`);
    expect(wrong).toEqual([]);
    expect(t.count).toBe(reference.size);
    return t;
  }

  it("take the prefix of the first numbered id; others (prefix mismatch, leading zero, too many digits) are hashed, numbered in first-sight order all the same", () => {
    const t = againstMap(
      ["M12", "M7", "M012", "N12", "M", "M-3", "m12", "M12", "M0", "M00", "M1234567890", "M123456789", "x", "M7", "M012", "12"],
      ["M13", "M1", "M0012", "N7", "M99999999", "M1234567891", "", "M 12", "M12 ", "m7"],
    );
    expect(t.prefix).toBe("M");
    // M012 N12 M M-3 m12 M00 M1234567890 x 12, and M123456789 (nine digits, but past 4 × count + 2^20 here)
    expect(t.hashed).toBe(10);
    expect(t.spill).toBe(123456789);
    expect(t.direct[12]).toBe(1);
    expect(t.direct[7]).toBe(2);
  });

  it("an empty prefix: plain numbers", () => {
    const t = againstMap(["10045", "7", "0", "007", "A7", "10045", "7", "-3", "1e3", "٣"], ["45", "0045", "8"]);
    expect(t.prefix).toBe("");
    expect(t.hashed).toBe(5); // 007 A7 -3 1e3 ٣
  });

  it("ids before the first numbered one, and zero-padded ones, name no prefix", () => {
    const t = againstMap(["abc", "M0001", "M0002", "Q5", "Q6", "M0001", "Q5"], ["Q7", "M0003"]);
    expect(t.prefix).toBe("Q");
    expect(t.hashed).toBe(3);
  });

  it("a huge number does not blow memory: past 4 × count + 2^20 it is hashed, and found either way later", () => {
    const big = ["M999999999", "M5000000", "M2000000", "M1"];
    const t = againstMap([...big, ...big, "M3000000"], ["M999999998", "M4999999"]);
    expect(t.direct.length).toBeLessThanOrEqual(4 * t.count + (1 << 20));
    expect(t.spill).toBe(2000000);
    expect(t.hashed).toBe(4);
  });

  it("numbers spilled to the hash table, then the direct index grown past them: still one number per text", () => {
    const texts: string[] = ["M1500000"]; // past the bound at first: hashed
    for (let i = 1; i <= 200_000; i++) texts.push(`M${i}`); // the bound rises to 4·200,000 + 2^20 > 1,500,000
    texts.push("M1500000", "M1500001", "M1499999");
    const t = againstMap(texts, ["M1500002", "M200001"]);
    expect(t.spill).toBe(1500000);
    expect(t.hashed).toBe(1);
  });

  it("mixed kinds in one file, through compaction", async () => {
    const { compactIdTable } = await import("../../src/history/id-table.js");
    const texts: string[] = [];
    for (let i = 0; i < 30_000; i++) texts.push(i % 3 === 0 ? `M${i}` : i % 3 === 1 ? `M${String(i).padStart(6, "0")}` : `guest-${i}`);
    const t = againstMap(texts);
    compactIdTable(t);
    let wrong = 0;
    texts.forEach((text, k) => {
      if (findId(t, text) !== k || idText(t, k) !== text) wrong += 1;
    });
    expect(wrong).toBe(0);
    expect(findId(t, "M1")).toBe(-1);
    expect(findId(t, "M0000001")).toBe(-1);
    expect(t.direct.length).toBe(29_998);
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

describe("order-id sets", () => {
  it("find repeats among numbered ids (bits), others (fingerprints) and numbers past the bound, and nothing else", () => {
    const s = createFingerprintSet();
    const texts = ["O5", "O05", "X5", "O999999999", "O", "O0", "5", "O40000000", "O7"];
    for (const t of texts) expect(addFingerprint(s, t)).toBe(true);
    for (const t of texts) expect(addFingerprint(s, t)).toBe(false);
    expect(s.prefix).toBe("O");
    expect(s.hashed).toBe(6); // O05 X5 O999999999 O 5 O40000000
    expect(s.spill).toBe(40000000);
    for (let i = 8; i < 300_000; i++) expect(addFingerprint(s, `O${i}`)).toBe(true);
    // The bound has risen past 40,000,000 (32 × count + 2^23): still one answer per text.
    expect(addFingerprint(s, "O40000000")).toBe(false);
    expect(addFingerprint(s, "O40000001")).toBe(true);
    expect(addFingerprint(s, "O40000001")).toBe(false);
    expect(s.count).toBe(texts.length + 300_000 - 8 + 1);
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
