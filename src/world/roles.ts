/**
 * Roles: what a distributor does with her membership. Each distributor gets
 * one role when she joins, as her own attribute (a keyed draw from her
 * identity key, never a sequential stream), and keeps it:
 *
 * - `consumer` — buys for herself (her own orders), never sells or recruits;
 *   the majority (the domain reference: 70–75% never sponsor anyone, 85%
 *   joined mainly for the product discount);
 * - `seller` — acquires customers, does not recruit;
 * - `builder` — acquires customers and recruits.
 *
 * The names are labels of the default parameters: every role's share, hours
 * and rates come from the scenario (`distributors.roles`). In the world's
 * arrays a role is a code, its index in {@link ROLES}.
 *
 * @module
 */

/**
 * The roles, by code: `ROLES[world.role[i]]` is member i's role.
 *
 * @example
 * ROLES[2] // => "builder"
 */
export const ROLES = Object.freeze(["consumer", "seller", "builder"] as const);

/** A role's name: `"consumer"`, `"seller"` or `"builder"`. */
export type Role = (typeof ROLES)[number];

/** The role codes, as stored in `World.role`. */
export const CONSUMER = 0;
export const SELLER = 1;
export const BUILDER = 2;

/**
 * Not a role: the index of the company accounts' own rates and hours in the
 * people tables' by-role arrays (`start.company`; the builder's by default).
 * A company account's role is `builder`; the steps read her rates at this
 * index instead (see {@link ratesIndex}).
 */
export const COMPANY_RATES = 3;

/**
 * Where member i's rates and hours are in the people tables: her role's
 * code, or {@link COMPANY_RATES} for a company account.
 */
export function ratesIndex(company: ArrayLike<number>, role: ArrayLike<number>, i: number): number {
  return company[i] === 1 ? COMPANY_RATES : role[i]!;
}
