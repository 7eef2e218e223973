/**
 * The fast engine: typed arrays, integer minor units, no allocation per member
 * per period, no recursion. Component kernels accrue exact integer amounts at
 * the plan's rate scale into arrays the engine owns; each payee's amount is
 * rounded once, by the plan's mode.
 *
 * A period: personal volumes (CV and QV) and activity; group volumes, legs
 * and the plan's measures (one reverse pass); components of `stage:
 * "measure"`; paid-as ranks (a second reverse pass) and titles; then the
 * paying components in plan order, each reading what earlier ones published.
 *
 * @module
 */
import { roundScaled, roundScaledBig } from "../money/round.js";
import { capacityFor, grown, scratchTo } from "../util/grow.js";
import { createQualifier, type QualifyInput } from "./qualify.js";
import { applyCapsFast, createCapScratch } from "./caps.js";
import { compilePlan, type CompiledPlan, type PlanInput } from "../plan/plan.js";
import type { FastPeriod } from "../plan/contract.js";
import type { PeriodNetwork } from "../world/network.js";
import type { EngineOptions, PeriodPayout, PlanEngine } from "./payout.js";
import { checkEngineOptions } from "./options.js";

/**
 * Creates the fast engine for a plan. Each engine keeps its own component
 * state (carryover, titles rewarded), so two engines on one compiled plan
 * never share it.
 *
 * @example
 * const engine = createFastEngine({ components: [{ type: "unilevel", rates: ["0.08"] }] });
 * const net = networkFromRecords({ uplines: [-1, 0], orders: [
 *   { member: 0, customer: -1, price: 100_00, cv: 100_00 },
 *   { member: 1, customer: -1, price: 100_00, cv: 100_00 }] });
 * engine.pay(net).amounts[0][0] // => 800 (8% of 100.00, in cents)
 */
export function createFastEngine(planInput: PlanInput | CompiledPlan, options: EngineOptions = {}): PlanEngine {
  checkEngineOptions("createFastEngine", options);
  const plan = compilePlan(planInput, options.currency === undefined ? {} : { currency: options.currency });
  const minPv = plan.minPv;
  const activityOnQv = plan.activityKind === "qv";
  const scale = 10 ** plan.places;
  const scaleBig = BigInt(scale);
  const mode = plan.rounding;
  const components = plan.components;
  const names = components.map((c) => c.name);
  const paidBy = components.map((c) => c.paidBy);
  const keepEarned = components.map((c) => plan.keepEarned.includes(c.name));
  const planPackages = plan.packages.map((p) => p.name);
  let capacity = 0;
  let pv = new Float64Array(0);
  // Allocated when first needed: QV apart from CV only when orders carry a QV, packages only when read.
  let ownQv = new Float64Array(0);
  let active = new Uint8Array(0);
  let activeUpline = new Int32Array(0);
  let title = new Uint8Array(0);
  let memberPackage = new Uint8Array(0);
  const qualifier = createQualifier(plan.ranks, plan.measures, !components.some((c) => c.stage === "measure"));
  // Volumes, legs and measures are computed every period only when ranks or measures need them;
  // otherwise on first read (a component, or a reader of the payout, asking for `gv` and the like).
  const eagerVolumes = plan.ranks.length > 0 || plan.measures.length > 0;
  const hasRanks = plan.ranks.length > 0;
  // Which pay call the volumes were last computed for, and that call's input.
  let calls = 0;
  let volumesAt = -1;
  let packagesAt = -1;
  let qualifyInput: QualifyInput | undefined;
  let packageNetwork: PeriodNetwork | undefined;
  const caps = plan.caps;
  const hasCaps = caps.payout !== undefined || caps.perMember !== undefined;
  const capScratch = createCapScratch();
  const states: unknown[] = components.map((c) => c.definition.fast.state(c.settings, 0));
  let amounts: Float64Array[] = components.map(() => new Float64Array(0));
  let published: Float64Array[][] = components.map((c) => c.publishes.map(() => new Float64Array(0)));
  let earned: Float64Array[] = components.map(() => new Float64Array(0));
  // Network package numbers → the plan's, for the network's list of names (kept while it is the same list).
  let packageNames: readonly string[] | undefined;
  let packageMap = new Uint8Array(1);

  return {
    plan,
    kind: "fast",
    pay(network: PeriodNetwork): PeriodPayout {
      const { size, upline, alive, ownCv, customerCv, members, memberCount } = network;
      const withQv = network.ownQv !== undefined && network.customerQv !== undefined;
      if (size > capacity) {
        // The world's own capacity when it has made room for more (its member arrays' length): grown once.
        capacity = Math.max(capacityFor(size), upline.length);
        pv = scratchTo(pv, size, capacity);
        active = scratchTo(active, size, capacity);
        activeUpline = scratchTo(activeUpline, size, capacity);
        title = grown(title, capacity);
        amounts = amounts.map((a) => scratchTo(a, size, capacity));
        published = published.map((list) => list.map((a) => scratchTo(a, size, capacity)));
        earned = earned.map((a, c) => (keepEarned[c] ? scratchTo(a, size, capacity) : a));
        components.forEach((c, k) => c.definition.fast.grow?.(states[k], capacity));
      }
      // Entries of members who quit are never read through the list, but stay zero
      // so that the arrays handed out are right at every index.
      pv.fill(0, 0, size);
      active.fill(0, 0, size);
      if (withQv && ownQv.length < size) ownQv = scratchTo(ownQv, size, capacity);
      const qv = withQv ? ownQv : pv;
      if (withQv) qv.fill(0, 0, size);
      let pvTotal = 0; // an exact integer while below 2^53, checked below
      let qvTotal = 0;
      let customerCvTotal = 0;
      let activeCount = 0;
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        const v = ownCv[i]! + customerCv[i]!;
        pv[i] = v;
        pvTotal += v;
        customerCvTotal += customerCv[i]!;
        let q = v;
        if (withQv) {
          q = network.ownQv![i]! + network.customerQv![i]!;
          qv[i] = q;
        }
        qvTotal += q;
        const a = alive[i] === 1 && (activityOnQv ? q : v) >= minPv ? 1 : 0;
        active[i] = a;
        activeCount += a;
      }
      // The active uplines in a loop of their own: its one random read (her upline's entries) stalls
      // on memory at scale, and the streaming work above runs at full speed apart from it. Her upline
      // if active, else her upline's active upline (final: uplines come first).
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        const p = upline[i]!;
        activeUpline[i] = p < 0 ? -1 : active[p] === 1 ? p : activeUpline[p]!;
      }
      if (!(pvTotal <= Number.MAX_SAFE_INTEGER) || !(qvTotal <= Number.MAX_SAFE_INTEGER)) {
        throw new RangeError(`downline/engine: the period's total volume ${Math.max(pvTotal, qvTotal)} is beyond exact range`);
      }
      calls += 1;
      packageNetwork = network;
      const values = new Map<string, Float64Array>();
      const input: QualifyInput = { size, members, memberCount, upline, pv, qv, active, values };
      qualifyInput = input;
      if (eagerVolumes) volumes();
      else qualifier.zeroRanks(size);
      plan.measures.forEach((m, k) => values.set(m.name, qualifier.result.measures[k]!));
      const { rank } = qualifier.result;
      const paidSoFar = new Map<string, Float64Array>();
      const period: FastPeriod = {
        network,
        pv,
        get gv() {
          return volumes().gv;
        },
        qv,
        get gqv() {
          return volumes().gqv;
        },
        get package() {
          return packages();
        },
        values,
        get largestLeg() {
          return legs().largestLeg;
        },
        get frontline() {
          return legs().frontline;
        },
        rank,
        title,
        active,
        activeUpline,
        pvTotal,
        qvTotal,
        customerCvTotal,
        paid: paidSoFar,
        scale,
        rounding: mode,
      };
      const headlines: bigint[] = components.map(() => 0n);
      // Measure-stage components: before ranks, publishing what rank rules read; they pay nothing.
      for (let c = 0; c < components.length; c++) {
        if (components[c]!.stage === "measure") headlines[c] = run(c, period, values, size);
      }
      if (hasRanks) {
        qualifier.ranks(input);
        for (let idx = 0; idx < memberCount; idx++) {
          const i = members[idx]!;
          if (rank[i]! > title[i]!) title[i] = rank[i]!;
        }
      }
      const paid: number[] = [];
      const breakage: number[] = [];
      for (let c = 0; c < components.length; c++) {
        const component = components[c]!;
        const acc = amounts[c]!;
        const headline = component.stage === "measure" ? headlines[c]! : run(c, period, values, size);
        // A component in whole minor units is exact already: rounding it is the identity.
        const minor = component.writes === "minor";
        const keep = keepEarned[c]!;
        const exact = earned[c]!;
        let total = 0;
        for (let idx = 0; idx < memberCount; idx++) {
          const i = members[idx]!;
          const a = acc[i]!;
          if (keep) exact[i] = minor ? a * scale : a;
          if (a === 0) continue;
          if (!(a <= Number.MAX_SAFE_INTEGER)) {
            throw new RangeError(
              `downline/engine: ${names[c]}: member ${i}'s amount in period ${network.period} is beyond exact range; use rates with fewer decimals`,
            );
          }
          if (minor && !Number.isInteger(a)) throw new RangeError(`downline/engine: ${names[c]} wrote a fractional minor-unit amount for member ${i}`);
          // Whole minor units already: nothing to write back.
          const rounded = minor ? a : roundScaled(a, scale, mode);
          if (!minor) acc[i] = rounded;
          total += rounded;
        }
        if (keep) values.set(`${names[c]}.earned`, exact);
        // Breakage: the headline, rounded once, minus what was paid (before caps); so
        // paid + capped + breakage is the headline to the cent, rounding residue included.
        paid.push(total);
        breakage.push(Number(minor ? headline : roundScaledBig(headline, scaleBig, mode)) - total);
        paidSoFar.set(names[c]!, acc);
      }
      const capped = hasCaps ? applyCapsFast(caps, amounts, members, memberCount, pvTotal, mode, capScratch) : names.map(() => 0);
      for (let c = 0; c < capped.length; c++) paid[c]! -= capped[c]!;
      return {
        period: network.period,
        size,
        members,
        memberCount,
        components: names,
        paidBy,
        amounts,
        paid,
        breakage,
        capped,
        pv,
        get gv() {
          return volumes().gv;
        },
        get largestLeg() {
          return legs().largestLeg;
        },
        get frontline() {
          return legs().frontline;
        },
        rank,
        title,
        active,
        activeCount,
        measures: new Map(plan.measures.map((m, k) => [m.name, qualifier.result.measures[k]!])),
      };
    },
  };

  /** Runs component c's kernel (its amounts and published values zeroed first); returns its headline. */
  function run(c: number, period: FastPeriod, values: Map<string, Float64Array>, size: number): bigint {
    const component = components[c]!;
    const acc = amounts[c]!;
    acc.fill(0, 0, size);
    const out = published[c]!;
    for (const a of out) a.fill(0, 0, size);
    const headline = component.definition.fast.accrue(component.settings, states[c], period, acc, out);
    component.publishes.forEach((v, k) => values.set(`${component.name}.${v.name}`, out[k]!));
    if (component.stage === "measure") {
      for (let i = 0; i < size; i++) if (acc[i] !== 0) throw new Error(`downline/engine: ${component.name} runs before ranks (stage "measure") and may not pay, but paid member ${i}`);
      return 0n;
    }
    return headline;
  }

  /**
   * The qualifier's volumes of the latest pay call, computed at most once per
   * call: every period when ranks or measures need them, else when first read.
   */
  function volumes() {
    if (volumesAt !== calls) {
      volumesAt = calls;
      qualifier.volumes(qualifyInput!);
    }
    return qualifier.result;
  }

  /** The qualifier's frontline counts and largest legs of the latest pay call (with its volumes). */
  function legs() {
    volumes();
    return qualifier.legs();
  }

  /** Each member's plan package number for the latest pay call, filled at most once per call, when first read. */
  function packages(): Uint8Array {
    if (packagesAt !== calls) {
      packagesAt = calls;
      const network = packageNetwork!;
      if (memberPackage.length < network.size) memberPackage = new Uint8Array(capacityFor(network.size));
      mapPackages(network, network.size);
    }
    return memberPackage;
  }

  /** Fills each member's plan package number from the network's (by name; a package the plan does not list is 0). */
  function mapPackages(network: PeriodNetwork, size: number): void {
    memberPackage.fill(0, 0, size);
    const from = network.package;
    const names = network.packageNames;
    if (!from || !names || planPackages.length === 0) return;
    if (names !== packageNames) {
      packageNames = names;
      packageMap = Uint8Array.from({ length: names.length + 1 }, (_, k) => (k === 0 ? 0 : planPackages.indexOf(names[k - 1]!) + 1));
    }
    const { members, memberCount } = network;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const k = from[i]!;
      memberPackage[i] = k < packageMap.length ? packageMap[k]! : 0;
    }
  }
}
