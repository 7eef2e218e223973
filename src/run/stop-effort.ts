/**
 * "What if she stops": the same seeded world run twice — with some members
 * still working, and with them stopping all effort from a period on — so that
 * a member can see her income with and without her work.
 *
 * The two runs differ only in effort. By default (`attrition: "exempt"`) a
 * stopped member keeps her account from the stop on, and so she does in the
 * base run (the world's `stay` option, for the same members from the same
 * period): a member who would quit in the world as it is stays in both runs,
 * and the difference is her work's, not her account's. With
 * `attrition: "hazard"` neither run exempts her: both draw the same keyed
 * attrition, so she quits in the same period in both (unless income feedback
 * changes her hazard).
 *
 * The twin is exact where it can be. Every draw that decides one member's or
 * customer's fate is keyed by (seed, concern, identity, period), and a
 * newcomer's identity comes from her sponsor's, so the stopped members'
 * change reaches only their own downline and customers; the one number that
 * couples everyone — the market's saturation, one per period — is read from
 * the base run and given to the twin. Members outside the stopped members'
 * downline and customer base see identical events (joins, quits, orders);
 * their pay may still differ where it depends on the stopped members'
 * volume (an upline's commissions on it).
 *
 * @module
 */
import type { CollectorFactories, CollectorResults } from "../analysis/collector.js";
import type { SimulationResult } from "../analysis/result.js";
import { DEFAULT_PLAN } from "../engine/default-plan.js";
import { DownlineInputError } from "../validate/errors.js";
import { shown } from "../validate/shown.js";
import type { WorldStepInput } from "../world/world.js";
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import { resolveScenario } from "../world/scenario.js";
import { collectResults, prepareRun, runPeriods } from "./prepared-run.js";
import { checkSimulateOptions } from "./options.js";
import type { SimulateOptions } from "./simulate.js";
import type { AnyComponentType } from "../plan/contract.js";

/** Who stops, and how (see {@link stopEffort}). */
export interface StopEffortOptions {
  /**
   * Member indices of the base run, each a member who joined before
   * `fromPeriod` (so she is the same person in both runs) and is not a
   * company account (a founder).
   */
  readonly members: readonly number[];
  /** The first period without their effort: no recruiting, no new customers, no business costs. */
  readonly fromPeriod: number;
  /** Their own monthly order: `"keep"` (default: they still buy for themselves) or `"stop"`. */
  readonly ownOrder?: "keep" | "stop";
  /**
   * After the stop: `"exempt"` from attrition (default: they keep their
   * accounts, in both runs) or the tenure `"hazard"` (in both runs).
   */
  readonly attrition?: "exempt" | "hazard";
}

/**
 * The two runs of a counterfactual: the world with the members still working
 * (by default keeping their accounts from the stop on, as in the stopped
 * run), and the same world with them stopping.
 */
export interface Counterfactual<R extends Readonly<Record<string, unknown>> = Record<never, never>> {
  readonly base: SimulationResult<R>;
  readonly stopped: SimulationResult<R>;
  readonly members: readonly number[];
  readonly fromPeriod: number;
}

/**
 * Runs a scenario under a plan twice on one seed and returns both results:
 * `base`, the world with `stop.members` still working and, by default,
 * keeping their accounts from the stop on, as in the stopped run; and
 * `stopped`, the same world with them stopping all effort from
 * `stop.fromPeriod`. After the stop a member keeps her account (in both runs;
 * `attrition: "hazard"`: in neither, so both draw her attrition alike), her
 * customers (who keep churning) and her downline, and by default her own
 * monthly order: the runs differ only in her effort. Options as `simulate`'s
 * (extra collectors run in both runs); periods are numbered as in the
 * results. Without `attrition: "hazard"` the base run is the plain run
 * (`simulate`'s) but for the members' quits after the stop and what follows
 * from them.
 *
 * @example
 * const { base, stopped } = stopEffort({ scenario: { months: 24 }, seed: 7 }, { members: [12], fromPeriod: 6 });
 * base.members[12].gross - stopped.members[12].gross // => 94974: what her effort from period 6 on earned her
 * // (she would quit in period 21; here she keeps her account in both runs. With attrition: "hazard" she quits
 * // in period 21 in both, and the difference is 60491)
 */
export function stopEffort<C extends CollectorFactories = Record<never, never>, Custom extends AnyComponentType = never>(
  options: SimulateOptions<C, Custom>,
  stop: StopEffortOptions,
): Counterfactual<CollectorResults<C>> {
  checkSimulateOptions(options);
  checkStop(stop);
  const { plan, onPeriod: _onPeriod, ...rest } = options;
  const runOptions = { ...rest, plans: [plan ?? DEFAULT_PLAN] };
  // Founders first (the world refuses them too, without field paths): the first `start.founders` members.
  const founders = resolveScenario(options.scenario ?? DEFAULT_SCENARIO).spec.start.founders;
  const companyIssues = stop.members.flatMap((m, k) =>
    m < founders ? [{ path: `stop.members[${k}]`, message: `expected a participant, got member ${m}, a company account (a founder): company accounts never stop` }] : [],
  );
  if (companyIssues.length > 0) throw new DownlineInputError("options", companyIssues);
  // Both runs exempt the members from attrition from the stop on (the default), or neither does.
  const stay = stop.attrition === "hazard" ? undefined : { members: stop.members, fromPeriod: stop.fromPeriod };
  const base = prepareRun(runOptions, { kind: "world" }, stay ? { stay } : {});
  // The base run's saturation, period by period: the twin steps on it (a forecast's history needs none).
  const saturation: number[] = [];
  runPeriods(base, (_rows, stats) => void saturation.push(stats.saturation));
  const [baseResult] = collectResults<C>(base);
  const columns = baseResult!.memberColumns;
  const issues = stop.members.flatMap((m, k) => {
    const path = `stop.members[${k}]`;
    if (m >= columns.size) return [{ path, message: `expected a member of the base run (fewer than ${columns.size}), got ${m}` }];
    if (columns.company[m] === 1) return [{ path, message: `expected a participant, got member ${m}, a company account (a founder): company accounts never stop` }];
    if (columns.joinPeriod[m]! >= stop.fromPeriod) {
      return [{ path, message: `expected a member who joined before period ${stop.fromPeriod} (the same person in both runs), got member ${m}, who joined in period ${columns.joinPeriod[m]}` }];
    }
    return [];
  });
  if (issues.length > 0) throw new DownlineInputError("options", issues);
  const inputFor = (t: number): WorldStepInput => (t >= base.recordFrom ? { saturation: saturation[t - base.recordFrom]! } : {});
  const twin = prepareRun(runOptions, { kind: "world" }, {
    stop: { members: stop.members, fromPeriod: stop.fromPeriod, ...(stop.ownOrder ? { ownOrder: stop.ownOrder } : {}), ...(stop.attrition ? { attrition: stop.attrition } : {}) },
    ...(stay ? { stay } : {}),
    inputFor,
  });
  runPeriods(twin);
  const [stoppedResult] = collectResults<C>(twin);
  return { base: baseResult!, stopped: stoppedResult!, members: [...stop.members], fromPeriod: stop.fromPeriod };
}

/** The stop's shape: member indices (whole, not negative, at most 1,000,000 of them), a period, the two options. */
function checkStop(stop: StopEffortOptions): void {
  const issues: { path: string; message: string }[] = [];
  if (typeof stop !== "object" || stop === null) throw new DownlineInputError("options", [{ path: "stop", message: `expected { members, fromPeriod }, got ${shown(stop)}` }]);
  if (!Array.isArray(stop.members) || stop.members.length === 0 || stop.members.length > 1_000_000) {
    issues.push({ path: "stop.members", message: `expected 1 to 1,000,000 member indices, got ${shown(stop.members)}` });
  } else {
    stop.members.forEach((m, k) => {
      if (!Number.isInteger(m) || m < 0) issues.push({ path: `stop.members[${k}]`, message: `expected a member index (a whole number ≥ 0), got ${shown(m)}` });
    });
  }
  if (!Number.isInteger(stop.fromPeriod) || stop.fromPeriod < 0 || stop.fromPeriod > 100_000) {
    issues.push({ path: "stop.fromPeriod", message: `expected a period (a whole number ≥ 0), got ${shown(stop.fromPeriod)}` });
  }
  if (stop.ownOrder !== undefined && stop.ownOrder !== "keep" && stop.ownOrder !== "stop") issues.push({ path: "stop.ownOrder", message: `expected "keep" or "stop", got ${shown(stop.ownOrder)}` });
  if (stop.attrition !== undefined && stop.attrition !== "exempt" && stop.attrition !== "hazard") issues.push({ path: "stop.attrition", message: `expected "exempt" or "hazard", got ${shown(stop.attrition)}` });
  const known = new Set(["members", "fromPeriod", "ownOrder", "attrition"]);
  const unknown = Object.keys(stop).filter((k) => !known.has(k));
  if (unknown.length > 0) issues.push({ path: "stop", message: `unknown key(s) ${unknown.map((k) => shown(k)).join(", ")}` });
  if (issues.length > 0) throw new DownlineInputError("options", issues);
}
