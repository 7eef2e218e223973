/** Field readers, checked against the money module's own parser (toMinor, the definition of an amount's text). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toMinor } from "../../src/money/amount.js";
import { amountProblem, parseFlag, parseMinor, parseSlot } from "../../src/history/fields.js";

describe("amounts", () => {
  it("parseMinor agrees with toMinor on decimal texts, for 0 to 3 digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,16}(\.\d{0,5})?$/), fc.integer({ min: 0, max: 3 }), (text, digits) => {
        const expected = toMinor(text, digits);
        const got = parseMinor(text, digits);
        // toMinor reads "39." as nothing; so does parseMinor.
        if (expected === undefined) expect(got).toBeNaN();
        else expect(got).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses signs, exponents, separators and empty text, and says why", () => {
    for (const bad of ["-1", "+1", "1e3", "1,000.00", " 1", "1.", ".5", "", "abc", "9007199254740993"]) expect(parseMinor(bad, 2), bad).toBeNaN();
    expect(amountProblem("-1.00", 2, "USD")).toMatch(/non-negative/);
    expect(amountProblem("1.005", 2, "USD")).toMatch(/at most 2 decimals for USD/);
    expect(amountProblem("", 2, "USD")).toMatch(/got nothing/);
    expect(amountProblem("1,00", 2, "USD")).toMatch(/like 39.50/);
    expect(parseMinor("12.50", 0)).toBeNaN();
    expect(parseMinor("12.00", 0)).toBe(12);
  });
});

describe("flags and slots", () => {
  it("flags", () => {
    expect(["1", "true", "TRUE", "yes", "Y", "t"].map(parseFlag)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(["0", "false", "No", "n", "F", ""].map(parseFlag)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(["2", "maybe", " 1"].map(parseFlag)).toEqual([-1, -1, -1]);
  });
  it("slots: numbers below the width; L/R (left/right) in a binary tree", () => {
    expect(["L", "left", "R", "Right", "0", "1"].map((s) => parseSlot(s, 2))).toEqual([0, 0, 1, 1, 0, 1]);
    expect(["2", "L", "-1", "x"].map((s) => parseSlot(s, 2))).toEqual([-1, 0, -1, -1]);
    expect(["2", "L"].map((s) => parseSlot(s, 3))).toEqual([2, -1]);
  });
});
