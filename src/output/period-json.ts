/**
 * Period rows as JSON, with what it takes to read their money.
 *
 * @module
 */
import type { SimulationResult } from "../analysis/result.js";

/**
 * The period rows as a JSON document `{ "currency", "digits", "periods" }`:
 * money stays in integer minor units, and the document says which currency and
 * how many decimals, so a reader needs nothing else to turn 123456 into
 * 1,234.56 USD. `indent` as in `JSON.stringify` (default 2).
 *
 * @example
 * JSON.parse(periodsToJson(simulate({ scenario: { months: 2 } }))).digits // => 2
 */
export function periodsToJson(result: Pick<SimulationResult, "periods" | "scenario" | "digits">, indent: number | string = 2): string {
  return JSON.stringify({ currency: result.scenario.currency, digits: result.digits, periods: result.periods }, null, indent) + "\n";
}
