/** Exactness at the edges of the number range, on both engines. */
import { describe, expect, it } from "vitest";
import { createFastEngine, createReferenceEngine, networkFromRecords, type PlanInput } from "../../src/index.js";

describe("exact money near 2^53", () => {
  it("a 16-digit volume under a 6-decimal rate: breakage rounded from the exact product", () => {
    // One member at the top orders CV 9,007,199,173,499,970 minor units; nobody is above her.
    // Headline 0.999999 × 9007199173499970 = 9007190166300796.50003 → 9007190166300797 (half-even: above the half).
    // A 20-digit decimal context would have lost the trailing .00003 and rounded to …796.
    const network = networkFromRecords({ uplines: [-1], orders: [{ member: 0, customer: -1, price: 9007199173499970, cv: 9007199173499970 }] });
    const plan: PlanInput = { activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.999999"] }] };
    for (const create of [createFastEngine, createReferenceEngine]) {
      const payout = create(plan).pay(network);
      expect(payout.paid).toEqual([0]);
      expect(payout.breakage).toEqual([9007190166300797]);
    }
  });

  it("the fast engine refuses a period whose volume is past exact range rather than round it", () => {
    const network = networkFromRecords({
      uplines: [-1, 0],
      orders: [
        { member: 0, customer: -1, price: 9_000_000_000_000_000, cv: 9_000_000_000_000_000 },
        { member: 1, customer: -1, price: 9_000_000_000_000_000, cv: 9_000_000_000_000_000 },
      ],
    });
    expect(() => createFastEngine({ components: [{ type: "unilevel", rates: ["0.05"] }] }).pay(network)).toThrow(/beyond exact range/);
  });
});
