/**
 * Measures: named per-member numbers the engine computes each period, in the
 * same bottom-up pass as group volumes and ranks, for rank rules
 * (`ranks[k].measures`) and rate tables (`column`) to read by name.
 *
 * - `legs` (count): her legs (current frontline members, each with the
 *   subtree under her); with `minVolume`, only legs whose volume (of
 *   `volume.kind`, the whole leg) is at least that; with `rank`, only legs
 *   holding a member of that paid-as rank or higher (the frontline member
 *   included).
 * - `activeSponsored` (count): her frontline members who are active this
 *   period (personally sponsored, after roll-up of quitters).
 * - `qualifiedLines` (count): lines by leg share. Her legs with volume this
 *   period (of `volume.kind`; a leg without volume is no line), sorted by
 *   volume, largest first (ties cannot change the count); V her volume
 *   (`volume`: GV, or with `includeOwn: false` her downline's only). With no
 *   such leg she has 0 lines. The largest leg is always line 1. Then legs
 *   are taken from the front of the rest, one after another (at least one),
 *   into line 2 until the legs taken hold at least `shares[0]` × V; then into
 *   line 3 until they hold `shares[1]` × V; and so on. A line that runs out
 *   of legs before it reaches its share does not count, and neither do legs
 *   left once the shares are used up: at most 1 + `shares.length` lines.
 * - `legVolume` (volume): her volume with each leg counted for at most
 *   ⌊`maxShare` × V⌋ minor units (V her volume as `volume` says; her own
 *   volume, when included, counts in full): `own + Σ legs min(leg, ⌊maxShare × V⌋)`.
 *
 * Sources. A line is a frontline member with her whole downline, and a line
 * qualifies by the volume it holds (mlm-software.de, "Linie": "Eine Linie gilt
 * als qualifiziert, wenn sie einen bestimmten Umsatz erzielt hat"); lines by
 * leg share and their shares (the largest leg is a line; further lines are
 * legs taken largest first until they hold 30%, 20%, 10%, 5% of her volume)
 * are the published plan described in issue 11 of this project, which this
 * definition reproduces — its own document was not found in the public
 * material searched, so the points the issue leaves open are pinned here and
 * in the spec cases: the shares are of her volume as `volume` says, a line
 * takes at least one leg, reaching a share exactly counts, a leg without
 * volume is no line, and at most 1 + `shares.length` lines are counted. Caps
 * on a leg's share: the "fifty percent rule" of many plans, whose variants
 * cap a leg at a share of the requirement (ranks' `maxLegShare`) or of the
 * strongest leg (mlm-software.de, "Fünfzig Prozent Regel"; be-infinity.com,
 * "Leg Size Limit"); `legVolume` caps each leg at a share of her own volume.
 *
 * @example
 * // Legs of 500, 300, 100, 60, 40 (V = 1,000 with includeOwn false), shares 30%, 20%, 10%, 5%:
 * // line 1 = 500; line 2 = 300 (≥ 300); line 3 = 100 + 60 + 40 = 200 (≥ 200); no leg left: 3 lines.
 * const lines = { name: "lines", kind: "qualifiedLines", shares: ["0.3", "0.2", "0.1", "0.05"], volume: { kind: "qv", includeOwn: false } };
 *
 * @module
 */
import { z } from "zod";
import { Decimal } from "decimal.js";
import { decimalField, rateField, uniqueNames } from "../validate/fields.js";
import { groupVolumeField, personalVolumeField, type VolumeKind } from "./volume.js";

/** A measure's name: like a component's (a letter, then letters, digits, `_`, `-`); no dots (those are published values). */
const measureName = () =>
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { message: 'expected a name like "lines": a letter, then letters, digits, _ or -' })
    .refine((n) => n !== "rank", { message: 'expected a name other than "rank" (the paid-as rank\'s own name)' });

const minVolume = () => decimalField({ min: "0", maxPlaces: 4, what: 'a volume like "1000"' });

export const measureSchema = z.discriminatedUnion("kind", [
  z
    .object({
      name: measureName(),
      kind: z.literal("legs"),
      /** Count only legs with at least this volume (whole leg, of `volume.kind`). */
      minVolume: minVolume().optional(),
      /** Count only legs holding a member of this paid-as rank or higher. */
      rank: z.string().min(1).max(100).optional(),
      volume: personalVolumeField(),
    })
    .strict()
    .refine((m) => m.minVolume === undefined || m.rank === undefined, { message: "expected at most one of minVolume or rank" }),
  z.object({ name: measureName(), kind: z.literal("activeSponsored") }).strict(),
  z
    .object({
      name: measureName(),
      kind: z.literal("qualifiedLines"),
      /** The share of her volume line 2, line 3, … must reach (line 1 is her largest leg). */
      shares: z.array(rateField().refine((v) => v !== "0", { message: "expected a share above 0" })).min(1).max(16),
      volume: groupVolumeField(),
    })
    .strict(),
  z
    .object({
      name: measureName(),
      kind: z.literal("legVolume"),
      /** Each leg counts for at most this share of her volume. */
      maxShare: rateField(),
      volume: groupVolumeField(),
    })
    .strict(),
]);

/** The plan's measures: names unique. */
export const measuresSchema = z
  .array(measureSchema)
  .max(32)
  .superRefine((list, ctx) => void uniqueNames(list, ctx, "measure", "measures"));

/** A measure as a plan file writes it. */
export type MeasureInput = z.input<typeof measureSchema>;
type MeasureSpec = z.output<typeof measureSchema>;

/** An exact share `units / 10^places` (a rate in [0, 1]). */
export interface Share {
  readonly text: string;
  readonly units: number;
  readonly scale: number;
}

/** A measure compiled: volumes in minor units, ranks as numbers, shares exact. */
export type CompiledMeasure =
  | { readonly name: string; readonly kind: "legs"; readonly volumeKind: VolumeKind; readonly minVolume: number; readonly rank: number }
  | { readonly name: string; readonly kind: "activeSponsored" }
  | { readonly name: string; readonly kind: "qualifiedLines"; readonly volumeKind: VolumeKind; readonly includeOwn: boolean; readonly shares: readonly Share[] }
  | { readonly name: string; readonly kind: "legVolume"; readonly volumeKind: VolumeKind; readonly includeOwn: boolean; readonly maxShare: Share };

/** The unit of a measure's value. */
export function measureUnit(m: { readonly kind: CompiledMeasure["kind"] }): "count" | "volume" {
  return m.kind === "legVolume" ? "volume" : "count";
}

/** Whether a measure depends on paid-as ranks (legs holding a rank): computed with the ranks, readable only after them. */
export function dependsOnRanks(m: CompiledMeasure): boolean {
  return m.kind === "legs" && m.rank > 0;
}

function share(text: string): Share {
  const d = new Decimal(text);
  const scale = 10 ** d.decimalPlaces();
  return { text, units: d.times(scale).toNumber(), scale };
}

/**
 * Compiles the measures: `money(text, path)` converts a volume, `rankNumber(name)`
 * resolves a rank (undefined when unknown), `fail(path, message)` reports a problem.
 */
export function compileMeasures(
  list: readonly MeasureSpec[],
  money: (text: string, path: string) => number,
  rankNumber: (name: string) => number | undefined,
  rankNames: readonly string[],
  fail: (path: string, message: string) => void,
): CompiledMeasure[] {
  return list.map((m, i): CompiledMeasure => {
    switch (m.kind) {
      case "legs": {
        let rank = 0;
        if (m.rank !== undefined) {
          const r = rankNumber(m.rank);
          if (r === undefined) fail(`measures[${i}].rank`, `expected one of the plan's ranks (${rankNames.map((n) => JSON.stringify(n)).join(", ") || "none defined"}), got ${JSON.stringify(m.rank)}`);
          else rank = r;
        }
        return { name: m.name, kind: "legs", volumeKind: m.volume.kind, minVolume: m.minVolume === undefined ? -1 : money(m.minVolume, `measures[${i}].minVolume`), rank };
      }
      case "activeSponsored":
        return { name: m.name, kind: "activeSponsored" };
      case "qualifiedLines":
        return { name: m.name, kind: "qualifiedLines", volumeKind: m.volume.kind, includeOwn: m.volume.includeOwn, shares: m.shares.map(share) };
      case "legVolume":
        return { name: m.name, kind: "legVolume", volumeKind: m.volume.kind, includeOwn: m.volume.includeOwn, maxShare: share(m.maxShare) };
    }
  });
}

/**
 * Qualified lines by leg share from leg volumes sorted largest first (the
 * definition, on exact numbers; the engines' passes must agree with it).
 *
 * @example
 * linesFromSortedLegs([500, 300, 100, 60, 40], 1000, [share("0.3"), share("0.2"), share("0.1"), share("0.05")]) // => 3
 */
export function linesFromSortedLegs(legs: readonly number[], volume: number, shares: readonly Share[]): number {
  const n = legs.filter((v) => v > 0).length;
  if (n === 0) return 0;
  let lines = 1;
  let k = 1;
  for (const s of shares) {
    if (k >= n) break;
    let taken = 0;
    // At least one leg, then until taken ≥ share × V (exactly: taken × scale ≥ units × V).
    do taken += legs[k++]!;
    while (k < n && !reaches(taken, volume, s));
    if (!reaches(taken, volume, s)) break;
    lines += 1;
  }
  return lines;
}

/** Whether `taken` ≥ share × `volume`, exactly (integers; bigints past 2^53). */
export function reaches(taken: number, volume: number, s: Share): boolean {
  const a = taken * s.scale;
  const b = s.units * volume;
  if (a <= Number.MAX_SAFE_INTEGER && b <= Number.MAX_SAFE_INTEGER) return a >= b;
  return BigInt(taken) * BigInt(s.scale) >= BigInt(s.units) * BigInt(volume);
}

export { share as compileShare };
