/**
 * `createWorld`'s options, checked at the edge with field-path errors.
 *
 * @module
 */
import { z } from "zod";
import { booleanField, budgetField, checkOptions, seedField } from "../validate/options.js";

/** `stay`: who is exempt from attrition in this run, and from when (founders are checked when the world is made). */
const stayField = () =>
  z
    .object({
      members: z.array(z.number().int().min(0).max(0x7ffffffe)).max(1_000_000),
      fromPeriod: z.number().int().min(0).max(1_000_000),
    })
    .strict();

/** `stop`: who stops all effort in this run, and from when: `stay`'s fields and how she stops. */
const stopField = () =>
  stayField()
    .extend({
      ownOrder: z.enum(["keep", "stop"]).optional(),
      attrition: z.enum(["exempt", "hazard"]).optional(),
    })
    .strict();

const WORLD_OPTIONS = {
  seed: seedField().optional(),
  recordOrders: booleanField().optional(),
  budget: budgetField().optional(),
  stop: stopField().optional(),
  stay: stayField().optional(),
};

/** Checks `createWorld`'s options; throws a `DownlineInputError` from `"options"` naming each bad one. */
export function checkWorldOptions(options: unknown): void {
  checkOptions("createWorld", WORLD_OPTIONS, options);
}
