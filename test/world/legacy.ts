/**
 * 0.1.0's world in today's terms: the CHANGELOG's migration recipe for the
 * removed `recruitment.builderShare/builderRate/otherRate` and
 * `customers.acquisitionRate` — no consumers, non-builders as sellers at
 * `otherRate`, everyone acquiring at the one rate, no fade — and no expenses.
 * Tests that are about something else (churn, hazards, the tree) use it so
 * that roles do not get in their way.
 */
import type { ScenarioInput } from "../../src/index.js";

export interface Legacy {
  builderShare?: number;
  builderRate?: number;
  otherRate?: number;
  acquisitionRate?: number;
}

/** The `distributors` fields (roles, fade) of 0.1.0's recruiting and acquisition. */
export function legacyRoles(o: Legacy = {}) {
  const s = o.builderShare ?? 0.3;
  const a = o.acquisitionRate ?? 0.12;
  return {
    roles: {
      consumer: { share: 0, acquisitionRate: a },
      seller: { share: 1 - s, recruitRate: o.otherRate ?? 0, acquisitionRate: a },
      builder: { share: s, recruitRate: o.builderRate ?? 0.35, acquisitionRate: a },
    },
    effortFade: [{ fromMonth: 0, factor: 1 }],
  } satisfies NonNullable<ScenarioInput["distributors"]>;
}

/** No expenses at all. */
export const NO_EXPENSES = {
  signUpFee: "0",
  starterKit: "0",
  annualRenewal: "0",
  monthlyCosts: { consumer: "0", seller: "0", builder: "0" },
  requiredPurchases: { wouldBuyAnyway: "1" },
} satisfies NonNullable<ScenarioInput["expenses"]>;
