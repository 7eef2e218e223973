/**
 * Unilevel: each order's volume pays `rates[k-1]` to the k-th upline.
 *
 * With dynamic compression, uplines who are not active are skipped and do not
 * count as a level; without it, the level an inactive upline holds is not paid
 * (breakage). Levels above the top of the tree are breakage either way.
 *
 * Payable depth by rank (`depth`): an upline is paid on level k only if k is
 * within her payable depth: the `levels` of the highest `byRank` entry at or
 * below her paid-as rank, else `base`. Beyond it she still holds the level
 * (compression skips only inactive uplines), and its share is breakage.
 *
 * Rates: each level's rate is a constant or a rate table read at the earner
 * (by her rank, rank × a measure, her package) or, by package, at the buyer
 * (the member credited with the order) or the lower of the two packages.
 * `basis`: the orders' CV (default) or QV.
 *
 * Enrolment packages: with `packageVolume`, only package fees pay (orders
 * paying the fee of a package), each counted as the plan's `volume` of a
 * package: the buyer's (the package the fee is for), the earner's, or the
 * lower of the two (`"lower"`: as if the order were of the lower of her own
 * package and the buyer's — that package's fee at that package's rate, with
 * a rate table `{ byPackage, of: "lower" }`). An earner without a package
 * earns nothing on a package fee by the earner's or the lower package.
 * `qualification.packages`: only holders of these packages earn; another's
 * level is breakage (she still holds it).
 *
 * Headline: each order's volume × the sum of every level's largest rate (for
 * package fees, the buyer's package volume, or with `"earner"` the largest
 * package volume).
 *
 * @example
 * // Two packages in one tree: 5/4/3/2/1% and 10/9/8/7/6%, paid as if of the lower package.
 * { type: "unilevel", packageVolume: "lower", compression: "none",
 *   rates: [{ byPackage: [{ package: "Basic", rate: "0.05" }, { package: "Pro", rate: "0.10" }], of: "lower" }, …] }
 *
 * @module
 */
import { z } from "zod";
import { componentName } from "../../../validate/fields.js";
import { ComponentFieldError, defineComponent } from "../../contract.js";
import { compileRateTable, rateTableField, rateTableTexts } from "../../rate-tables.js";
import { basisField } from "../../volume.js";
import { compileDepth, depthField } from "../shared/qualification.js";
import { unilevelKernel } from "./fast.js";
import { unilevelRule } from "./reference.js";
import type { UnilevelSettings } from "./settings.js";
export type { UnilevelSettings } from "./settings.js";

/** Most levels a unilevel may pay. */
const MAX_LEVELS = 64;

const schema = z
  .object({
    type: z.literal("unilevel"),
    name: componentName().optional(),
    /** Rate per level, level 1 (the buyer's upline) first: each a constant or a rate table. */
    rates: z.array(rateTableField()).min(1).max(MAX_LEVELS),
    compression: z.enum(["dynamic", "none"]).default("dynamic"),
    /** Payable depth by paid-as rank; without it every level is payable. */
    depth: depthField(MAX_LEVELS).optional(),
    /** The volume the rates apply to: CV (default) or QV. */
    basis: basisField(),
    /** Pay on package fees only, each counted as the plan's volume of the buyer's, the earner's or the lower package. */
    packageVolume: z.enum(["buyer", "earner", "lower"]).optional(),
    qualification: z
      .object({
        /** Only holders of these enrolment packages earn. */
        packages: z.array(z.string().min(1)).min(1).max(255).optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/**
 * The unilevel component type (`type: "unilevel"`).
 *
 * @example
 * { type: "unilevel", rates: ["0.08", "0.05", "0.04", "0.04", "0.04"], depth: { base: 2, byRank: [{ rank: "Silver", levels: 4 }] } }
 */
export const unilevel = defineComponent({
  type: "unilevel",
  schema,
  rates: (input) => input.rates.flatMap(rateTableTexts),
  compile(input, ctx): UnilevelSettings {
    const rates = input.rates.map((r, k) => compileRateTable(r, ctx, `rates[${k}]`));
    if (input.packageVolume !== undefined) {
      if (ctx.packageNames.length === 0) throw new ComponentFieldError("packageVolume", "expected the plan to list its packages (packages: [{ name, volume }])");
      const missing = ctx.packageVolumes.findIndex((v, k) => k > 0 && v < 0);
      if (missing > 0) throw new ComponentFieldError("packageVolume", `expected every package to have a volume, but ${JSON.stringify(ctx.packageNames[missing - 1])} has none (packages[${missing - 1}].volume)`);
    }
    let eligiblePackages: number[] | undefined;
    if (input.qualification.packages) {
      eligiblePackages = [0, ...ctx.packageNames.map(() => 0)];
      input.qualification.packages.forEach((name, i) => (eligiblePackages![ctx.packageNumber(name, `qualification.packages[${i}]`)] = 1));
    }
    const settings: UnilevelSettings = {
      rates,
      compression: input.compression,
      basis: input.basis,
      packageVolumes: ctx.packageVolumes.map((v) => Math.max(v, 0)),
      packageNames: ctx.packageNames,
      ...(input.packageVolume ? { packageVolume: input.packageVolume } : {}),
      ...(eligiblePackages ? { eligiblePackages } : {}),
    };
    const depthByRank = compileDepth(input.depth, ctx);
    return depthByRank ? { ...settings, depthByRank } : settings;
  },
  fast: unilevelKernel,
  reference: unilevelRule,
  // Income: level 1 is the buyer's upline, so every order pays her from below: leveraged.
  income: "leveraged",
});
