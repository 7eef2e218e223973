/**
 * Binary: two legs in a placement tree of width 2 (slot 0 is the left leg,
 * slot 1 the right). Each period, for each current member m:
 *
 * - Leg volumes. `L` = this period's PV of her whole left placement subtree
 *   (the subtree under her slot-0 child, all depths) + her left carryover;
 *   `R` likewise on the right. A member who quit keeps her position: her own
 *   volume stops, her placement downline's keeps flowing up through it.
 * - Pay rule. `weakLeg`: the paired volume `P = min(L, R)` pays `rate × P`.
 *   `cycles`: `n = min(floor(L / left), floor(R / right))` cycles, each paying
 *   `value` (money, major units) or `rate × min(left, right)`. The value or rate
 *   may depend on her paid-as rank (`valueByRank`: the highest listed rank at
 *   or below hers, else the base).
 * - Qualification. With `qualification.active` she must be active; with
 *   `qualification.sponsoredEachSide` she needs, on each leg, at least one
 *   active member she personally sponsors (current sponsor tree). An
 *   unqualified member earns nothing and nothing is paired: both legs carry
 *   over whole (subject to the flush rules); what she would have earned is
 *   breakage.
 * - Caps (per member, per period). `cap.cycles` (cycles) or `cap.maxPaired`
 *   (weak leg: paired volume) limit what is paid; `cap.amount` limits the
 *   money (the excess is not paid). With `overCap: "flush"` (default) all the
 *   paired volume leaves both legs; with `"carry"` only the volume paid leaves
 *   them: the capped cycles (or paired volume), and under an amount cap only
 *   the cycles (volume) needed to reach it, the last possibly paid in part.
 * - Carryover, after paying: a quit member's legs are emptied; with
 *   `carryover.flushWhenInactive` (default) so are an inactive member's; with
 *   `carryover.flushAfterPeriods: N` a member who has not been paid a cycle (or
 *   paired volume) for N consecutive periods (counted since her last cycle, last
 *   such flush or joining) has her legs emptied; then each leg is cut to
 *   `carryover.cap`. The cut and flushed volume is lost.
 *
 * Headline: what the pay rule (at each member's rank) would pay every current
 * member on this period's `L` and `R` if everybody qualified and no cap
 * applied (before this period's flushes). Volumes are in the currency's units
 * (major, like `activity.minPv`); volumes and amounts finer than the run's
 * currency are plan errors raised when the plan is first paid.
 *
 * @module
 */
import { z } from "zod";
import { toMinor } from "../../money/amount.js";
import type { PlacementTree } from "../../world/network.js";
import { DownlineInputError } from "../../validate/errors.js";
import { amountField, compareDecimal, componentName, decimalField, rateField } from "../../validate/fields.js";
import { ComponentFieldError, type ComponentType, type CompiledRate } from "../contract.js";

/** A volume in the currency's major units (`"200"`), like `activity.minPv`. */
const volumeField = () => decimalField({ min: "0", max: "10000000", maxPlaces: 4, what: 'a volume like "200"' });
/** A volume that must be above zero (a cycle's side). */
const positiveVolume = () => volumeField().refine((v) => compareDecimal(v, "0") > 0, { message: "expected a volume above 0" });

const schema = z
  .object({
    type: z.literal("binary"),
    name: componentName().optional(),
    /** How paired volume pays. */
    pay: z.discriminatedUnion("kind", [
      z
        .object({
          /** `rate × min(L, R)`: paired volume units. */
          kind: z.literal("weakLeg"),
          rate: rateField(),
        })
        .strict(),
      z
        .object({
          /** Cycles of `left` : `right` volume. */
          kind: z.literal("cycles"),
          left: positiveVolume(),
          right: positiveVolume(),
          /** Money per cycle, major units (`"20.00"`); or give `rate`. */
          value: amountField().optional(),
          /** Share of the smaller side of a cycle paid per cycle; or give `value`. */
          rate: rateField().optional(),
        })
        .strict(),
    ]),
    /** The cycle value or rate by the earner's paid-as rank: the highest listed rank at or below hers, else `pay`'s. */
    valueByRank: z
      .array(z.object({ rank: z.string().min(1), value: amountField().optional(), rate: rateField().optional() }).strict())
      .min(1)
      .max(64)
      .optional(),
    /** Per member and period. */
    cap: z
      .object({
        /** Most cycles paid (cycles only). */
        cycles: z.number().int().min(0).max(1_000_000_000).optional(),
        /** Most paired volume paid (weakLeg only). */
        maxPaired: volumeField().optional(),
        /** Most money paid, major units. */
        amount: amountField().optional(),
      })
      .strict()
      .optional(),
    /** Volume paired beyond a cap: `"flush"`ed from both legs (default) or `"carry"`ed. */
    overCap: z.enum(["carry", "flush"]).default("flush"),
    carryover: z
      .object({
        /** Most volume carried per leg; the rest is flushed. */
        cap: volumeField().optional(),
        /** Empty an inactive member's legs at the end of the period. */
        flushWhenInactive: z.boolean().default(true),
        /** Empty the legs of a member not paid a cycle for this many consecutive periods. */
        flushAfterPeriods: z.number().int().min(1).max(10_000).optional(),
      })
      .strict()
      .prefault({}),
    qualification: z
      .object({
        /** She must be active this period. */
        active: z.boolean().default(true),
        /** She needs an active personally sponsored member in each leg. */
        sponsoredEachSide: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** Settings the reference engine reads. Volumes and amounts are normalised major-unit texts. */
export interface BinarySettings {
  /** The component's name, for error messages. */
  readonly name: string;
  readonly kind: "weakLeg" | "cycles";
  /** Cycle sides (cycles only). */
  readonly left?: string;
  readonly right?: string;
  /** Per paid-as rank number (index 0: none): the money per cycle, when cycles pay a value. */
  readonly valueByRank?: readonly string[];
  /** Where each of `valueByRank` was written (`"pay.value"`, `"valueByRank[1].value"`), for error paths. */
  readonly valueFields?: readonly string[];
  /** Per paid-as rank number (index 0: none): the rate, for weakLeg or cycles paying a rate. */
  readonly rateByRank?: readonly CompiledRate[];
  readonly capCycles?: number;
  readonly capPaired?: string;
  readonly capAmount?: string;
  readonly overCap: "carry" | "flush";
  readonly carryCap?: string;
  readonly flushWhenInactive: boolean;
  readonly flushAfterPeriods?: number;
  readonly requireActive: boolean;
  readonly sponsoredEachSide: boolean;
  /** The component's position in the plan, for error paths (`components[k]`). */
  readonly index: number;
}

/** The volumes and amounts of the settings in minor units of a currency (numbers; `Infinity` where absent). */
export interface BinaryMinor {
  readonly left: number;
  readonly right: number;
  /** Money per cycle by rank number (value-paying cycles). */
  readonly values: readonly number[];
  readonly capPaired: number;
  readonly capAmount: number;
  readonly carryCap: number;
}

/**
 * Converts the settings' volumes and amounts to minor units of a currency with
 * `digits` decimals; a value finer than the currency is a plan error at its
 * field (both engines raise it from their first period).
 */
export function binaryMinor(s: BinarySettings, digits: number): BinaryMinor {
  const convert = (text: string | undefined, field: string): number => {
    if (text === undefined) return Infinity;
    const minor = toMinor(text, digits);
    if (minor === undefined) {
      throw new DownlineInputError("plan", [
        { path: `components[${s.index}].${field}`, message: `expected at most ${digits} decimals for this currency, got ${text}` },
      ]);
    }
    return minor;
  };
  return {
    left: convert(s.left, "pay.left"),
    right: convert(s.right, "pay.right"),
    values: (s.valueByRank ?? []).map((v, r) => convert(v, s.valueFields![r]!)),
    capPaired: convert(s.capPaired, "cap.maxPaired"),
    capAmount: convert(s.capAmount, "cap.amount"),
    carryCap: convert(s.carryCap, "carryover.cap"),
  };
}

/**
 * The network's placement tree, checked: both engines throw the same errors
 * when it is missing or not binary.
 */
export function binaryPlacement(network: { readonly placement?: PlacementTree }, name: string): PlacementTree {
  const placement = network.placement;
  if (!placement) throw new Error(`downline/engine: ${name}: a binary component needs a placement tree: give the scenario a placement mode`);
  if (placement.width !== 2) {
    throw new Error(`downline/engine: ${name}: a binary component needs a placement tree of width 2, but the network's is ${placement.width} wide`);
  }
  return placement;
}

/** floor(a / b) for non-negative integers below 2^53 (b > 0), exact where the float quotient rounds up to an integer. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/**
 * Smallest k ≥ 0 with k × per ≥ cap (per > 0): the cycles (or volume units)
 * needed to reach an amount cap. Exact for integers whose products stay below 2^53.
 */
function cyclesToReach(cap: number, per: number): number {
  let k = Math.floor(cap / per);
  while (k * per < cap) k += 1;
  while (k > 0 && (k - 1) * per >= cap) k -= 1;
  return k;
}

/**
 * The binary component type (`type: "binary"`). It keeps each member's left
 * and right carryover and her periods without a cycle.
 *
 * @example
 * { type: "binary", pay: { kind: "cycles", left: "200", right: "200", value: "20.00" }, cap: { cycles: 100 } }
 */
export const binary: ComponentType<typeof schema> = {
  type: "binary",
  schema,
  rates: (input) => [
    ...(input.pay.rate === undefined ? [] : [input.pay.rate]),
    ...(input.valueByRank ?? []).flatMap((v) => (v.rate === undefined ? [] : [v.rate])),
  ],
  compile(input, rate, context) {
    const pay = input.pay;
    // What a cycle (or paired volume) pays: a money value (cycles) or a rate.
    const byValue = pay.kind === "cycles" && pay.value !== undefined;
    if (pay.kind === "cycles" && (pay.value === undefined) === (pay.rate === undefined)) {
      throw new ComponentFieldError("pay", "expected exactly one of value (money per cycle) or rate (share of the cycle's smaller side)");
    }
    const base = byValue ? pay.value! : pay.rate!;
    const listed = (input.valueByRank ?? []).map((v, k) => {
      const given = byValue ? v.value : v.rate;
      const other = byValue ? v.rate : v.value;
      if (given === undefined || other !== undefined) {
        throw new ComponentFieldError(`valueByRank[${k}]`, `expected ${byValue ? "a value (the plan pays cycles by value)" : "a rate (the plan pays by rate)"} and nothing else`);
      }
      return { rank: context.rankNumber(v.rank, `valueByRank[${k}].rank`), given, k };
    });
    const seen = new Map<number, number>();
    for (const l of listed) {
      if (seen.has(l.rank)) throw new ComponentFieldError(`valueByRank[${l.k}].rank`, `expected each rank at most once, but it is also valueByRank[${seen.get(l.rank)}].rank`);
      seen.set(l.rank, l.k);
    }
    // perRank[r]: the value (or rate) of the highest listed rank ≤ r, else the base.
    const perRank: string[] = [];
    const fields: string[] = [];
    for (let r = 0; r <= context.rankNames.length; r++) {
      let text = base;
      let field = "pay.value";
      let best = 0;
      for (const l of listed) if (l.rank <= r && l.rank > best) [best, text, field] = [l.rank, l.given, `valueByRank[${l.k}].value`];
      perRank.push(text);
      fields.push(field);
    }
    const cap = input.cap ?? {};
    if (cap.cycles !== undefined && pay.kind !== "cycles") throw new ComponentFieldError("cap.cycles", "expected cap.maxPaired for a weakLeg binary (it pays volume, not cycles)");
    if (cap.maxPaired !== undefined && pay.kind !== "weakLeg") throw new ComponentFieldError("cap.maxPaired", "expected cap.cycles for a cycles binary");
    const settings: BinarySettings = {
      name: input.name,
      kind: pay.kind,
      ...(pay.kind === "cycles" ? { left: pay.left, right: pay.right } : {}),
      ...(byValue ? { valueByRank: perRank, valueFields: fields } : { rateByRank: perRank.map(rate) }),
      ...(cap.cycles !== undefined ? { capCycles: cap.cycles } : {}),
      ...(cap.maxPaired !== undefined ? { capPaired: cap.maxPaired } : {}),
      ...(cap.amount !== undefined ? { capAmount: cap.amount } : {}),
      overCap: input.overCap,
      ...(input.carryover.cap !== undefined ? { carryCap: input.carryover.cap } : {}),
      flushWhenInactive: input.carryover.flushWhenInactive,
      ...(input.carryover.flushAfterPeriods !== undefined ? { flushAfterPeriods: input.carryover.flushAfterPeriods } : {}),
      requireActive: input.qualification.active,
      sponsoredEachSide: input.qualification.sponsoredEachSide,
      index: context.earlierComponents.length,
    };
    const cycles = pay.kind === "cycles";
    const carry = input.overCap === "carry";
    const capCycles = settings.capCycles ?? Infinity;
    const flushAfter = settings.flushAfterPeriods ?? Infinity;
    const rateUnits = Float64Array.from(settings.rateByRank ?? [], (r) => r.units);
    // Minor units for the currency last paid in, and the amounts per rank number in scaled units.
    let minor: BinaryMinor | undefined;
    let minorDigits = -1;
    let minorScale = -1;
    let perUnit = new Float64Array(perRank.length); // scaled amount per cycle (cycles) or per volume unit (weakLeg), by rank
    let capAmountScaled = Infinity;
    // Component state (per engine: each engine compiles its own copy): carryover per leg and periods without a cycle.
    let carryL = new Float64Array(0);
    let carryR = new Float64Array(0);
    let idle = new Int32Array(0);
    // Scratch, per period: subtree volume, slot children, subtree sizes and pre-order positions, sponsored flags.
    let sub = new Float64Array(0);
    let child = new Int32Array(0);
    let count = new Int32Array(0);
    let tin = new Int32Array(0);
    let hasSide = new Uint8Array(0);
    return {
      type: "binary",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "binary",
        name: input.name,
        accrue(p, amounts) {
          const { size, members, memberCount, alive, upline } = p.network;
          const placement = binaryPlacement(p.network, input.name);
          if (p.digits !== minorDigits || p.scale !== minorScale) {
            minor = binaryMinor(settings, p.digits);
            perUnit = Float64Array.from(perRank, (_, r) =>
              !cycles ? rateUnits[r]! : byValue ? minor!.values[r]! * p.scale : rateUnits[r]! * Math.min(minor!.left, minor!.right),
            );
            capAmountScaled = minor.capAmount * p.scale;
            minorDigits = p.digits;
            minorScale = p.scale;
          }
          const { left, right, capPaired, carryCap } = minor!;
          if (carryL.length < size) {
            const n = Math.ceil(size * 1.25);
            const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
              const g = make(n);
              g.set(a);
              return g;
            };
            carryL = grow(carryL, (k) => new Float64Array(k));
            carryR = grow(carryR, (k) => new Float64Array(k));
            idle = grow(idle, (k) => new Int32Array(k));
            sub = new Float64Array(n);
            child = new Int32Array(2 * n);
            count = new Int32Array(n);
            tin = new Int32Array(n);
            hasSide = new Uint8Array(2 * n);
          }
          const { parent, slot } = placement;
          const pv = p.pv;
          const { active, rank } = p;
          // Subtree volumes and sizes, bottom-up: a reverse loop over every position
          // (quitters keep theirs) is a post-order, placement parents having lower indices.
          child.fill(-1, 0, 2 * size);
          for (let i = 0; i < size; i++) {
            sub[i] = pv[i]!;
            count[i] = 1;
          }
          for (let i = size - 1; i >= 0; i--) {
            const q = parent[i]!;
            if (q < 0) continue;
            sub[q]! += sub[i]!;
            count[q]! += count[i]!;
            child[2 * q + slot[i]!] = i;
          }
          if (settings.sponsoredEachSide) {
            // Pre-order positions (left before right), top-down: i's subtree is the interval
            // [tin[i], tin[i] + count[i]). Then each active member marks the side of her
            // sponsor's tree she is in, if she is in it.
            let next = 0;
            for (let i = 0; i < size; i++) {
              const q = parent[i]!;
              if (q < 0) {
                tin[i] = next;
                next += count[i]!;
              } else {
                const c0 = child[2 * q]!;
                tin[i] = tin[q]! + 1 + (slot[i] === 1 && c0 >= 0 ? count[c0]! : 0);
              }
            }
            hasSide.fill(0, 0, 2 * size);
            for (let idx = 0; idx < memberCount; idx++) {
              const i = members[idx]!;
              const u = upline[i]!;
              if (u < 0 || active[i] !== 1) continue;
              const t = tin[i]!;
              for (let s = 0; s < 2; s++) {
                const c = child[2 * u + s]!;
                if (c >= 0 && t >= tin[c]! && t < tin[c]! + count[c]!) hasSide[2 * u + s] = 1;
              }
            }
          }
          let headLow = 0; // exact partial sum, moved into headBig before it nears 2^53
          let headBig = 0n;
          for (let i = 0; i < size; i++) {
            if (alive[i] !== 1) {
              // A quitter keeps her position but earns nothing and carries nothing.
              carryL[i] = 0;
              carryR[i] = 0;
              continue;
            }
            const c0 = child[2 * i]!;
            const c1 = child[2 * i + 1]!;
            let L = carryL[i]! + (c0 >= 0 ? sub[c0]! : 0);
            let R = carryR[i]! + (c1 >= 0 ? sub[c1]! : 0);
            const per = perUnit[rank[i]!]!;
            // n: cycles, or paired volume units for weakLeg.
            const n = cycles ? Math.min(floorDiv(L, left), floorDiv(R, right)) : Math.min(L, R);
            const h = n * per;
            if (!Number.isSafeInteger(h)) throw new RangeError(`downline/engine: ${input.name}: member ${i}'s binary amount is beyond exact range`);
            if (headLow + h > 2 ** 52) {
              // Moved before the add: the sum itself must stay exact.
              headBig += BigInt(headLow);
              headLow = 0;
            }
            headLow += h;
            const qualified = (!settings.requireActive || active[i] === 1) && (!settings.sponsoredEachSide || (hasSide[2 * i] === 1 && hasSide[2 * i + 1] === 1));
            let paidN = 0;
            if (qualified && n > 0) {
              paidN = Math.min(n, cycles ? capCycles : capPaired);
              let amount = paidN * per;
              if (amount > capAmountScaled) amount = capAmountScaled;
              amounts[i]! += amount;
              // The volume that leaves both legs: all that paired, or (carry) only what was paid.
              let used = n;
              if (carry) {
                used = paidN;
                if (capAmountScaled !== Infinity && per > 0) used = Math.min(used, cyclesToReach(capAmountScaled, per));
              }
              if (cycles) {
                L -= used * left;
                R -= used * right;
              } else {
                L -= used;
                R -= used;
              }
            }
            // Flushes, after paying.
            idle[i] = paidN > 0 ? 0 : idle[i]! + 1;
            if ((settings.flushWhenInactive && active[i] !== 1) || idle[i]! >= flushAfter) {
              L = 0;
              R = 0;
              if (idle[i]! >= flushAfter) idle[i] = 0;
            }
            carryL[i] = Math.min(L, carryCap);
            carryR[i] = Math.min(R, carryCap);
          }
          return headBig + BigInt(headLow);
        },
      },
    };
  },
};
