/**
 * `createWorld`'s options, checked at the edge with field-path errors.
 *
 * @module
 */
import { booleanField, budgetField, checkOptions, seedField } from "../validate/options.js";

const WORLD_OPTIONS = { seed: seedField().optional(), recordOrders: booleanField().optional(), budget: budgetField().optional() };

/** Checks `createWorld`'s options; throws a `DownlineInputError` from `"options"` naming each bad one. */
export function checkWorldOptions(options: unknown): void {
  checkOptions("createWorld", WORLD_OPTIONS, options);
}
