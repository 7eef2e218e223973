/**
 * Enrolment packages: the hand-computed cases on both engines, and malformed
 * package settings rejected with field-path errors.
 */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { PACKAGE_CASES } from "./packages.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("enrolment packages", PACKAGE_CASES);

function issues(plan: Record<string, unknown>): { path: string; message: string }[] {
  try {
    compilePlan(plan as unknown as PlanInput);
  } catch (e) {
    if (e instanceof DownlineInputError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("expected a DownlineInputError, but the plan was accepted");
}

const PACKAGES = [{ name: "Basic", volume: "50" }, { name: "Pro", volume: "100" }];

describe("malformed package settings", () => {
  it.each([
    ["packageVolume without packages", { components: [{ type: "unilevel", rates: ["0.05"], packageVolume: "lower" }] }, "components[0].packageVolume", /list its packages/],
    ["packageVolume with a package without volume", { packages: [{ name: "Basic" }], components: [{ type: "unilevel", rates: ["0.05"], packageVolume: "buyer" }] }, "components[0].packageVolume", /"Basic" has none \(packages\[0\]\.volume\)/],
    ["an unknown packageVolume", { packages: PACKAGES, components: [{ type: "unilevel", rates: ["0.05"], packageVolume: "higher" }] }, "components[0].packageVolume", /"buyer"|"lower"/],
    ["an unknown eligible package", { packages: PACKAGES, components: [{ type: "unilevel", rates: ["0.05"], qualification: { packages: ["Gold"] } }] }, "components[0].qualification.packages[0]", /got "Gold"/],
    ["an unknown package in a rate table", { packages: PACKAGES, components: [{ type: "unilevel", rates: [{ byPackage: [{ package: "Gold", rate: "0.1" }] }] }] }, "components[0].rates[0].byPackage[0].package", /"Basic", "Pro"\), got "Gold"/],
    ["a package listed twice in a rate table", { packages: PACKAGES, components: [{ type: "unilevel", rates: [{ byPackage: [{ package: "Pro", rate: "0.1" }, { package: "Pro", rate: "0.2" }] }] }] }, "components[0].rates[0].byPackage[1].package", /at most once/],
    ["an unknown of", { packages: PACKAGES, components: [{ type: "unilevel", rates: [{ byPackage: [{ package: "Pro", rate: "0.1" }], of: "upline" }] }] }, "components[0].rates[0].of", /"earner"|"lower"/],
  ] as [string, Record<string, unknown>, string, RegExp][])("%s", (_what, plan, path, message) => {
    const found = issues(plan);
    expect(found.map((i) => i.path)).toEqual([path]);
    expect(found[0]!.message).toMatch(message);
  });
});
