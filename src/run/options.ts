/**
 * The runner's options, checked once at the edge (`simulate`,
 * `simulatePlans`): the same field-path errors as plans
 * (`downline/options: seed: …`), then the unchecked run.
 *
 * @module
 */
import { z } from "zod";
import { booleanField, budgetField, checkOptions, componentTypes, functionField, oneOf, seedField } from "../validate/options.js";
import { shown } from "../validate/shown.js";

/** Most plans one run pays. */
export const MAX_PLANS = 64;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A plan: an object (its fields are the plan schema's to check). */
const planValue = () => z.custom<object>((v) => isRecord(v), { error: (iss) => `expected a plan (an object with "components"), got ${shown(iss.input)}` });

const collectorFactories = () =>
  z.custom<Record<string, unknown>>((v) => isRecord(v) && Object.values(v).every((f) => typeof f === "function"), {
    error: (iss) =>
      isRecord(iss.input)
        ? `expected collector factories by name (functions), but ${Object.entries(iss.input)
            .filter(([, f]) => typeof f !== "function")
            .slice(0, 3)
            .map(([k, f]) => `${shown(k)} is ${shown(f)}`)
            .join(", ")}`
        : `expected collector factories by name (an object of functions), got ${shown(iss.input)}`,
  });

/** `start: { history, report }`: a forecast from a history (the history itself is checked against the scenario when the run is prepared). */
const startField = () =>
  z
    .object({
      history: z.custom<object>((v) => isRecord(v) && isRecord(v.members) && isRecord(v.orders), { error: (iss) => `expected a history (from importHistory or historyFromRecords), got ${shown(iss.input)}` }),
      report: z.enum(["forecast", "all"]).optional(),
    })
    .strict();

/** The options every run takes. */
const common = {
  scenario: z.unknown(),
  components: componentTypes().optional(),
  seed: seedField().optional(),
  engine: oneOf(["fast", "reference"] as const).optional(),
  ledger: booleanField().optional(),
  collectors: collectorFactories().optional(),
  budget: budgetField().optional(),
  start: startField().optional(),
  // Per-member, per-period results: true, or which columns and periods (checked in full where they are resolved).
  memberPeriods: z.union([z.boolean(), z.custom<object>((v) => isRecord(v), { error: (iss) => `expected true, false or { columns, from, to }, got ${shown(iss.input)}` })]).optional(),
};

const plansField = () =>
  z.custom<unknown[]>((v) => Array.isArray(v) && v.length >= 1 && v.length <= MAX_PLANS, {
    error: (iss) =>
      Array.isArray(iss.input)
        ? `expected 1 to ${MAX_PLANS} plans, got ${iss.input.length.toLocaleString("en-US")}`
        : `expected a non-empty array of plans, got ${shown(iss.input)}`,
  });

const SIMULATE = { ...common, plan: planValue().optional(), onPeriod: functionField("a function (row, stats, payout) => void").optional() };
const SIMULATE_PLANS = {
  ...common,
  plans: plansField(),
  onPeriod: functionField("a function (rows, stats, payouts) => void").optional(),
};

/** Checks `simulate`'s options (see `SimulateOptions`); returns them as given. */
export function checkSimulateOptions<T>(options: T): T {
  return checkOptions("simulate", SIMULATE, options);
}

/** Checks `simulatePlans`'s options (see `SimulatePlansOptions`); returns them as given. */
export function checkSimulatePlansOptions<T>(options: T): T {
  return checkOptions("simulatePlans", SIMULATE_PLANS, options);
}
