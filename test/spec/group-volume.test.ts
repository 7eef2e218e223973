/** The group volume bonus: the hand-computed cases on both engines, and malformed settings. */
import { describe, expect, it } from "vitest";
import { compilePlan, DownlineInputError, type PlanInput } from "../../src/index.js";
import { GROUP_VOLUME_CASES } from "./group-volume.cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("groupVolume", GROUP_VOLUME_CASES);

describe("groupVolume settings", () => {
  it.each([
    ["a rate over 1", { rate: "2" }, "components[0].rate", /at most 1/],
    ["an unknown basis", { rate: "0.1", basis: "price" }, "components[0].basis", /"cv"|"qv"/],
    ["a rate by the buyer's package", { rate: { byPackage: [{ package: "Pro", rate: "0.1" }], of: "lower" } }, "components[0].rate.of", /expected "earner"/],
    ["an unknown key", { rate: "0.1", depth: 3 }, "components[0]", /unknown key\(s\) "depth"/],
  ] as [string, Record<string, unknown>, string, RegExp][])("rejects %s", (_what, component, path, message) => {
    try {
      compilePlan({ packages: [{ name: "Pro" }], components: [{ type: "groupVolume", ...component }] } as unknown as PlanInput);
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(DownlineInputError);
      const issues = (e as DownlineInputError).issues;
      expect(issues.map((i) => i.path)).toEqual([path]);
      expect(issues[0]!.message).toMatch(message);
    }
  });
});
