/**
 * Volume kinds: every order carries a price, a qualifying volume (QV, also
 * called PV or point value) and a commissionable volume (CV, also BV or
 * business volume). Rules that *test* volume say which kind with `volume: {
 * kind, includeOwn }` (the activity rule, ranks, measures); components that
 * *pay* on volume say which kind with `basis`.
 *
 * - `volume.kind`: `"qv"` (default: qualifying is what QV is for) or `"cv"`.
 *   Where orders carry no QV of their own (the scenario's default), QV is CV
 *   and the choice changes nothing.
 * - `volume.includeOwn` (group volume only): `true` (default) counts her own
 *   volume (PV, own orders and personal customers') in her group volume, GV
 *   as the glossary defines it; `false` counts her downline only ("downline
 *   volume"), as plans that rank on the organisation below a member do.
 * - `basis`: `"cv"` (default: commissions are paid on CV) or `"qv"`.
 *
 * The terms follow the industry's (Jenkon's glossary: "Bonus Volume … may
 * optionally be different than the volume on which the commissions are paid
 * (see Commissionable Volume)", mlmatty.com/2012/09/industry-definitions;
 * Amway: "PV determines your qualification level … BV is used to calculate
 * your Performance Bonus", amway-estonia.com, Understanding the Plan).
 *
 * @module
 */
import { z } from "zod";

/** The two volumes an order carries. */
export type VolumeKind = "qv" | "cv";

/**
 * `volume: { kind }` where only personal volume is tested (the activity rule).
 *
 * @example
 * personalVolumeField().parse(undefined) // => { kind: "qv" }
 */
export const personalVolumeField = () =>
  z
    .object({
      /** Which volume the rule tests: qualifying (`"qv"`, default) or commissionable (`"cv"`). */
      kind: z.enum(["qv", "cv"]).default("qv"),
    })
    .strict()
    .prefault({});

/**
 * `volume: { kind, includeOwn }` where group volume is tested (ranks, measures).
 *
 * @example
 * groupVolumeField().parse({ includeOwn: false }) // => { kind: "qv", includeOwn: false }
 */
export const groupVolumeField = () =>
  z
    .object({
      /** Which volume the rule tests: qualifying (`"qv"`, default) or commissionable (`"cv"`). */
      kind: z.enum(["qv", "cv"]).default("qv"),
      /** Whether her own volume counts in her group volume (default true: GV); false: her downline's only. */
      includeOwn: z.boolean().default(true),
    })
    .strict()
    .prefault({});

/**
 * `basis`: the volume a component's rates apply to, CV (default) or QV.
 *
 * @example
 * basisField().parse(undefined) // => "cv"
 */
export const basisField = () => z.enum(["cv", "qv"]).default("cv");
