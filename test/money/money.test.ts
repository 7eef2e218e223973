import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { formatMinor, minorDigits, toMinor } from "../../src/index.js";
import { decimalText, parseDecimal, roundDecimal, roundScaled, roundScaledBig } from "../../src/money/index.js";

describe("roundScaled", () => {
  it.each([
    // value, scale, halfEven, halfUp, down
    [125, 10, 12, 13, 12], // 12.5
    [135, 10, 14, 14, 13], // 13.5
    [126, 10, 13, 13, 12], // 12.6
    [124, 10, 12, 12, 12], // 12.4
    [-125, 10, -12, -13, -13], // −12.5: half-even → −12; half-up (ties away from zero) → −13; down = floor → −13
    [-135, 10, -14, -14, -14], // −13.5
    [0, 10, 0, 0, 0],
    [5050, 10_000, 1, 1, 0], // 0.505
    [15_000, 10_000, 2, 2, 1], // 1.5
    [25_000, 10_000, 2, 3, 2], // 2.5
  ])("%d / %d → %d (halfEven), %d (halfUp), %d (down)", (value, scale, even, up, down) => {
    expect(roundScaled(value, scale, "halfEven")).toBe(even);
    expect(roundScaled(value, scale, "halfUp")).toBe(up);
    expect(roundScaled(value, scale, "down")).toBe(down);
  });

  it("is exact near 2^53 where a double quotient would land on the wrong integer", () => {
    // 9007199254740991 / 10 = 900719925474099.1 → 900719925474099
    expect(roundScaled(Number.MAX_SAFE_INTEGER, 10, "halfEven")).toBe(900719925474099);
    // (10^15 · 3 − 1) / 3 = 10^15 − 1/3 → 10^15 − 1, though the double quotient rounds to 10^15
    expect(roundScaled(3e15 - 1, 3, "down")).toBe(1e15 - 1);
  });

  it("is exact for every value within 64 of ±2^53, any scale (a product q × scale would leave the exact range)", () => {
    for (const scale of [3, 7, 10, 1_000_000]) {
      for (let d = 0; d < 64; d++) {
        for (const value of [Number.MAX_SAFE_INTEGER - d, -Number.MAX_SAFE_INTEGER + d]) {
          for (const mode of ["halfEven", "halfUp", "down"] as const) {
            expect(BigInt(roundScaled(value, scale, mode))).toBe(roundScaledBig(BigInt(value), BigInt(scale), mode));
          }
        }
      }
    }
  });

  it("is exact on both sides of 2^52, where it switches from the floored float quotient to the remainder", () => {
    for (const scale of [3, 7, 10, 100, 1_000_000, 2 ** 40 + 1]) {
      for (let d = -64; d <= 64; d++) {
        for (const value of [2 ** 52 + d, -(2 ** 52) + d, d * scale, d * scale + (d % 3)]) {
          for (const mode of ["halfEven", "halfUp", "down"] as const) {
            expect(BigInt(roundScaled(value, scale, mode))).toBe(roundScaledBig(BigInt(value), BigInt(scale), mode));
          }
        }
      }
    }
  });

  it("agrees with the bigint and decimal.js forms on random integers", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: 0, max: 10_000 }).map((d) => Number.MAX_SAFE_INTEGER - d),
          fc.integer({ min: 0, max: 10_000 }).map((d) => d - Number.MAX_SAFE_INTEGER),
        ),
        fc.constantFrom(1, 10, 100, 1000, 10_000, 1_000_000, 3, 7),
        fc.constantFrom("halfEven" as const, "halfUp" as const, "down" as const),
        (value, scale, mode) => {
          const fast = roundScaled(value, scale, mode);
          expect(BigInt(fast)).toBe(roundScaledBig(BigInt(value), BigInt(scale), mode));
          // `+ 0` folds decimal.js's −0 into 0.
          expect(fast).toBe(roundDecimal(new Decimal(value).div(scale), mode).toNumber() + 0);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("decimal text", () => {
  it.each([
    [0.1, "0.1"],
    [1e-7, "0.0000001"],
    [1.5e-7, "0.00000015"],
    [1e21, "1000000000000000000000"],
    [12.5, "12.5"],
    [" 0.05 ", "0.05"],
  ])("decimalText(%s) = %s", (input, text) => expect(decimalText(input)).toBe(text));

  it("parses exactly, and refuses what is not a plain non-negative decimal", () => {
    expect(parseDecimal("0.050")).toEqual({ units: 5n, places: 2 });
    expect(parseDecimal(0.1)).toEqual({ units: 1n, places: 1 });
    expect(parseDecimal("12")).toEqual({ units: 12n, places: 0 });
    for (const bad of ["-3", "5%", "", ".5", "1.", "1e3", "abc", -0.5]) expect(parseDecimal(bad)).toBeUndefined();
  });
});

describe("minor units", () => {
  it("uses the currency's minor unit", () => {
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("BHD")).toBe(3);
  });
  it("converts major-unit text to minor units exactly, or refuses", () => {
    expect(toMinor("12.50", 2)).toBe(1250);
    expect(toMinor(0.29, 2)).toBe(29); // 0.29 × 100 is 28.999999999999996 in floating point
    expect(toMinor("12.505", 2)).toBeUndefined();
    expect(toMinor("100", 0)).toBe(100);
    expect(toMinor("90071992547409.92", 2)).toBeUndefined(); // past 2^53 minor units
  });
  it("formats minor units", () => {
    expect(formatMinor(123456, 2)).toBe("1234.56");
    expect(formatMinor(5, 2)).toBe("0.05");
    expect(formatMinor(-5, 2)).toBe("-0.05");
    expect(formatMinor(7, 0)).toBe("7");
    expect(formatMinor(-0, 2)).toBe("0.00");
    expect(formatMinor(Number.MAX_SAFE_INTEGER, 2)).toBe("90071992547409.91");
  });

  // Issue 10: formatMinor(12345.678, 2) returned "12345.6.78" and formatMinor(NaN, 2) "N.aN".
  it.each([
    [12345.678, /minor: expected whole minor units \(a safe integer\), got 12345\.678/],
    [NaN, /got NaN/],
    [Infinity, /got Infinity/],
    [2 ** 53, /got 9007199254740992/],
    [1e21, /got 1e\+21/],
  ])("formatMinor refuses %s (not whole minor units) with a RangeError naming the argument", (minor, message) => {
    expect(() => formatMinor(minor, 2)).toThrow(RangeError);
    expect(() => formatMinor(minor, 2)).toThrow(message);
  });

  it.each([1.5, -1, 19, NaN, "2" as unknown as number])("formatMinor and toMinor refuse digits %s", (digits) => {
    expect(() => formatMinor(100, digits)).toThrow(/downline\/money: formatMinor: digits: expected a whole number from 0 to 18/);
    expect(() => toMinor("1.00", digits)).toThrow(/downline\/money: toMinor: digits: expected a whole number from 0 to 18/);
  });

  it("toMinor refuses what is not a plain non-negative decimal (undefined, never a wrong number)", () => {
    for (const value of [NaN, -1, Infinity, "1e3", "-0.5", "", "1.2.3", "0x10", {} as unknown as string, "0." + "0".repeat(100_000) + "1"]) {
      expect(toMinor(value, 2)).toBeUndefined();
    }
  });
});

describe("ISO 4217 minor units, the same on every platform", () => {
  it.each([
    ["HUF", 2],
    ["IDR", 2],
    ["IQD", 3],
    ["CLF", 4],
    ["KRW", 0],
  ] as const)("%s has %d digits", (code, digits) => expect(minorDigits(code)).toBe(digits));

  it("refuses codes that are not currencies with a minor unit", () => {
    for (const code of ["XAU", "XXX", "XYZ", "usd", "US"]) expect(() => minorDigits(code)).toThrow(/unknown currency/);
  });
});
