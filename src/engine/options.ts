/**
 * The engine factories' options, checked at the edge.
 *
 * @module
 */
import { z } from "zod";
import { checkOptions } from "../validate/options.js";
import type { EngineOptions } from "./payout.js";

/** `currency` is checked as a currency code when the plan is compiled for it. */
const ENGINE_OPTIONS = { currency: z.unknown() };

/** Checks an engine factory's options (`fn` names it in messages); throws a `DownlineInputError` from `"options"`. */
export function checkEngineOptions(fn: string, options: EngineOptions): void {
  checkOptions(fn, ENGINE_OPTIONS, options);
}
