/**
 * Hand-computed cases of enrolment packages (tracks) in a unilevel: rates by
 * the buyer's, the earner's or the lower package; package fees counted as a
 * package's volume; eligibility by package. Amounts in major units; the
 * arithmetic is in the comments.
 *
 * The tree of the example: A (0, the $100 "Pro" package) sponsored B
 * (1, the $50 "Basic" package), who sponsored D (2, Basic) and E (3, Pro). The
 * Basic package pays 5/4/3/2/1% on levels 1–5, Pro 10/9/8/7/6%.
 */
import type { ComponentInput, OrderRecord, PlanInput } from "../../src/index.js";
import { own, type SpecCase } from "./cases.js";

const BASIC = ["0.05", "0.04", "0.03", "0.02", "0.01"];
const PRO = ["0.10", "0.09", "0.08", "0.07", "0.06"];
const byPackage = (of: "earner" | "buyer" | "lower", levels = 5) =>
  BASIC.slice(0, levels).map((basic, k) => ({ byPackage: [{ package: "Basic", rate: basic }, { package: "Pro", rate: PRO[k]! }], of }));
const PACKAGES = [
  { name: "Basic", volume: "50" },
  { name: "Pro", volume: "100" },
];
const plan = (component: Omit<ComponentInput<"unilevel">, "type">): PlanInput => ({
  activity: { minPv: "0" },
  packages: PACKAGES,
  components: [{ type: "unilevel", name: "enrolment", compression: "none", ...component }],
});
/** A package fee: an own order of the package's price, CV = price. */
const fee = (member: number, name: string, amount: number): OrderRecord => ({ ...own(member, amount), package: name });

const TREE = { uplines: [-1, 0, 1, 1], packages: ["Pro", "Basic", "Basic", "Pro"] } as const;
const FEES = [fee(2, "Basic", 50), fee(3, "Pro", 100)];

export const PACKAGE_CASES: readonly SpecCase[] = [
  {
    name: "worked example: an upline earns as if the order were of the lower package (its fee at its rate): B 2.50 + 2.50, A 2.00 + 9.00",
    plan: plan({ rates: byPackage("lower"), packageVolume: "lower" }),
    ...TREE,
    orders: FEES,
    // D's Basic fee: B (level 1, Basic): lower of Basic and Basic = Basic: 5% × 50 = 2.50;
    //   A (level 2, Pro): lower of Pro and Basic = Basic: 4% × 50 = 2.00.
    // E's Pro fee: B (level 1, Basic): lower of Basic and Pro = Basic: 5% × 50 = 2.50;
    //   A (level 2, Pro): lower of Pro and Pro = Pro: 9% × 100 = 9.00.
    // B = 2.50 + 2.50 = 5.00; A = 2.00 + 9.00 = 11.00.
    paid: { enrolment: { 1: "5.00", 0: "11.00" } },
    // Headline: each fee at its buyer's package volume × Σ levels' largest rates (0.10 + 0.09 + 0.08 + 0.07 + 0.06 = 0.40):
    // 0.40 × (50 + 100) = 60.00; paid 16.00; breakage 44.00 (levels above A, and the lower packages' shortfall).
    breakage: { enrolment: "44.00" },
  },
  {
    name: "by the buyer's package: each fee at its own package's rate and volume",
    plan: plan({ rates: byPackage("buyer"), packageVolume: "buyer" }),
    ...TREE,
    orders: FEES,
    // D's Basic fee: B 5% × 50 = 2.50; A 4% × 50 = 2.00. E's Pro fee: B 10% × 100 = 10.00; A 9% × 100 = 9.00.
    paid: { enrolment: { 1: "12.50", 0: "11.00" } },
    // Headline 60.00 (as above); paid 23.50; breakage 36.50.
    breakage: { enrolment: "36.50" },
  },
  {
    name: "by the earner's package: each fee counted as the earner's package volume at her rate",
    plan: plan({ rates: byPackage("earner"), packageVolume: "earner" }),
    ...TREE,
    orders: FEES,
    // B (Basic): D's fee 5% × 50 = 2.50, E's fee 5% × 50 = 2.50. A (Pro): 9% × 100 twice = 18.00.
    paid: { enrolment: { 1: "5.00", 0: "18.00" } },
    // Headline: a fee counts for at most the largest package volume, 100: 0.40 × 200 = 80.00; paid 23.00; breakage 57.00.
    breakage: { enrolment: "57.00" },
  },
  {
    name: "eligibility by package: only Pro holders earn; B still holds her level",
    plan: plan({ rates: byPackage("lower"), packageVolume: "lower", qualification: { packages: ["Pro"] } }),
    ...TREE,
    orders: FEES,
    // B (Basic) is not eligible: her 5.00 is breakage. A earns at level 2 as before: 11.00.
    paid: { enrolment: { 0: "11.00" } },
    breakage: { enrolment: "49.00" },
  },
  {
    name: "an earner without a package earns nothing on a fee by the lower package",
    plan: plan({ rates: byPackage("lower"), packageVolume: "lower" }),
    uplines: TREE.uplines,
    packages: [null, "Basic", "Basic", "Pro"],
    orders: FEES,
    // A holds no package: the lower of none and anything is none, volume 0. B: 5.00 as before.
    paid: { enrolment: { 1: "5.00" } },
    breakage: { enrolment: "55.00" },
  },
  {
    name: "ordinary orders, rates by the buyer's package (the member credited with the order)",
    plan: plan({ rates: byPackage("buyer", 2) }),
    ...TREE,
    orders: [own(2, 100), own(3, 100)],
    // D's 100 (buyer Basic): B 5% = 5.00, A 4% = 4.00. E's 100 (buyer Pro): B 10% = 10.00, A 9% = 9.00.
    paid: { enrolment: { 1: "15.00", 0: "13.00" } },
    // Headline (0.10 + 0.09) × 200 = 38.00; paid 28.00; breakage 10.00.
    breakage: { enrolment: "10.00" },
  },
  {
    name: "ordinary orders, rates by the earner's package (level passes)",
    plan: plan({ rates: byPackage("earner", 2) }),
    ...TREE,
    orders: [own(2, 100), own(3, 100)],
    // B (Basic) level 1: 5% × 200 = 10.00. A (Pro) level 2: 9% × 200 = 18.00.
    paid: { enrolment: { 1: "10.00", 0: "18.00" } },
    breakage: { enrolment: "10.00" },
  },
];
