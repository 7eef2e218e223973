/**
 * The counterfactual twin at the world's level: the same seeded world run
 * twice, as is and with one member stopping all effort from period t, the
 * twin given the base run's saturation each period. Every member outside her
 * downline, and every customer outside her and her downline's customer base,
 * lives exactly the same life in both runs (compared by identity key:
 * indices may differ). And a stopped member's customers decay at the churn
 * hazard alone: a cohort halves in ln 2 / −ln(1 − p) months.
 */
import { describe, expect, it } from "vitest";
import { createWorld, stepWorld, type ScenarioInput, type World, type WorldOptions } from "../../src/index.js";
import { BUILDER } from "../../src/world/roles.js";
import { drawnMembers } from "./start-order.js";

const SCENARIO: ScenarioInput = {
  months: 12,
  start: { founders: 1, network: { distributors: 1500, customersPerDistributor: 2 } },
  // A small market: saturation falls fast, so without the override the twin's would differ.
  market: { prospects: 20_000 },
};
const PERIODS = 12;
const STOP = 3;

const keyOf = (w: World, i: number) => (i < 0 ? "top" : `${w.keyHi[i]}:${w.keyLo[i]}`);

interface Life {
  join: number;
  quit: number;
  role: number;
  /** Recruits ever, at the end of each period. */
  recruits: number[];
  upline: string;
  /** Own orders' spend and CV, and expenses, period by period. */
  spend: number[];
  ownCv: number[];
  expenses: number[];
}

/** Runs a world, recording every member's life and every customer's (by key), and the saturations. */
function lives(options: WorldOptions, saturations?: readonly number[]) {
  const world = createWorld(SCENARIO, options);
  const members = new Map<string, Life>();
  /** Customer key → [acquirer key, join, price, owner key per period…]. */
  const customers = new Map<string, (string | number)[]>();
  const sponsorKey = new Map<string, string>();
  const used: number[] = [];
  for (let t = 0; t < PERIODS; t++) {
    const { stats } = stepWorld(world, saturations ? { saturation: saturations[t]! } : {});
    used.push(stats.saturation);
    for (let i = 0; i < world.size; i++) {
      const k = keyOf(world, i);
      let life = members.get(k);
      if (!life) {
        members.set(k, (life = { join: world.joinPeriod[i]!, quit: -1, role: world.role[i]!, recruits: [], upline: "", spend: [], ownCv: [], expenses: [] }));
        sponsorKey.set(k, keyOf(world, world.sponsor[i]!));
      }
      life.quit = world.alive[i] === 1 ? -1 : world.quitPeriod[i]!;
      life.recruits[t] = world.recruits[i]!;
      life.upline = keyOf(world, world.upline[i]!);
      life.spend[t] = world.ownSpend[i]!;
      life.ownCv[t] = world.ownCv[i]!;
      life.expenses[t] = world.expenses[i]!;
    }
    for (let c = 0; c < world.customers; c++) {
      const k = `${world.customerKeyHi[c]}:${world.customerKeyLo[c]}`;
      let life = customers.get(k);
      if (!life) customers.set(k, (life = [keyOf(world, world.customerOwner[c]!), world.customerJoin[c]!, world.customerPrice[c]!]));
      life[3 + t] = keyOf(world, world.customerOwner[c]!);
    }
  }
  return { world, members, customers, sponsorKey, saturations: used };
}

/** The non-founder of the start network who recruited most after the stop period, and was in at the end. */
function busiestBuilder(run: ReturnType<typeof lives>): number {
  const w = run.world;
  const gained = (i: number) => {
    const r = run.members.get(keyOf(w, i))!.recruits;
    return r[PERIODS - 1]! - r[STOP - 1]!;
  };
  let best = -1;
  for (let i = 1; i < 1500; i++) if (w.role[i] === BUILDER && w.alive[i] === 1 && (best < 0 || gained(i) > gained(best))) best = i;
  expect(gained(best)).toBeGreaterThan(0);
  return best;
}

/** Whether `key`'s sponsor chain reaches `root` (the member herself included). */
function under(sponsorKey: ReadonlyMap<string, string>, key: string, root: string): boolean {
  for (let k: string | undefined = key; k !== undefined && k !== "top"; k = sponsorKey.get(k)) if (k === root) return true;
  return false;
}

describe("a twin run where one member stops", () => {
  it("everyone outside her downline and her customer base sees identical events, with the base run's saturation", () => {
    const base = lives({ seed: 17 });
    const w = base.world;
    const she = busiestBuilder(base);
    const herKey = keyOf(w, she);
    const twin = lives({ seed: 17, stop: { members: [she], fromPeriod: STOP } }, base.saturations);
    expect(twin.saturations).toEqual(base.saturations);

    const inHerTree = (k: string) => under(base.sponsorKey, k, herKey) || under(twin.sponsorKey, k, herKey);
    let compared = 0;
    for (const [k, life] of base.members) {
      if (inHerTree(k)) continue;
      expect(twin.members.get(k), k).toEqual(life);
      compared += 1;
    }
    for (const k of twin.members.keys()) if (!inHerTree(k)) expect(base.members.has(k), k).toBe(true);
    expect(compared).toBeGreaterThan(2500);

    // Customers acquired by anyone outside her tree live the same life: same acquirer, join, price, owners period by period.
    let customersCompared = 0;
    for (const [k, life] of base.customers) {
      if (inHerTree(life[0] as string)) continue;
      expect(twin.customers.get(k), k).toEqual(life);
      customersCompared += 1;
    }
    for (const [k, life] of twin.customers) if (!inHerTree(life[0] as string)) expect(base.customers.has(k), k).toBe(true);
    expect(customersCompared).toBeGreaterThan(4000);

    // And the twin does differ where her stop reaches: she recruits and acquires no one from the stop on.
    const mine = twin.members.get(herKey)!;
    const baseMine = base.members.get(herKey)!;
    expect(mine.recruits[PERIODS - 1]).toBe(mine.recruits[STOP - 1]);
    expect(baseMine.recruits[PERIODS - 1]).toBeGreaterThan(baseMine.recruits[STOP - 1]!);
    const acquiredAfter = (c: Map<string, (string | number)[]>) => [...c.values()].filter((l) => l[0] === herKey && (l[1] as number) >= STOP).length;
    expect(acquiredAfter(twin.customers)).toBe(0);
    expect(acquiredAfter(base.customers)).toBeGreaterThan(0);
  });

  it("without the override the twin's own saturation drifts from the base run's (the one global coupling)", () => {
    const base = lives({ seed: 17 });
    const twin = lives({ seed: 17, stop: { members: [busiestBuilder(base)], fromPeriod: STOP } });
    expect(twin.saturations.slice(1)).not.toEqual(base.saturations.slice(1));
  });
});

describe("a twin run where one member is exempt from attrition (`stay`)", () => {
  /**
   * The first builder of the start network, in the order members were drawn (d = 1, 2, …; they are numbered
   * depth-first), who quits after the stop period in the base run, having recruited before it: [index, d].
   */
  function laterQuitter(run: ReturnType<typeof lives>): [number, number] {
    const w = run.world;
    const byDraw = drawnMembers(SCENARIO, 17, Array.from({ length: 1499 }, (_, k) => k + 1));
    for (let k = 0; k < byDraw.length; k++) {
      const i = byDraw[k]!;
      const life = run.members.get(keyOf(w, i))!;
      if (w.role[i] === BUILDER && life.quit > STOP + 1 && life.recruits[STOP - 1]! > 0) return [i, k + 1];
    }
    throw new Error("no later quitter");
  }

  it("she keeps her account and nothing else changes: everyone outside her downline and her customer base sees identical events", () => {
    const base = lives({ seed: 17 });
    const w = base.world;
    const [she, drawn] = laterQuitter(base);
    const herKey = keyOf(w, she);
    const baseMine = base.members.get(herKey)!;
    const twin = lives({ seed: 17, stay: { members: [she], fromPeriod: STOP } }, base.saturations);
    expect(twin.saturations).toEqual(base.saturations);

    // She quits in the base run, after the stop period; in the twin she is still in at the end.
    const mine = twin.members.get(herKey)!;
    expect(baseMine.quit).toBeGreaterThan(STOP);
    expect(mine.quit).toBe(-1);
    // Until the base run's quit her life is the same: the same effort, recruits, orders and expenses.
    const upTo = (life: Life) => [life.join, life.role, life.recruits, life.spend, life.ownCv, life.expenses].map((x) => (Array.isArray(x) ? x.slice(0, baseMine.quit) : x));
    expect(upTo(mine)).toEqual(upTo(baseMine));
    // And she keeps her orders after it (the base run's quitter orders nothing).
    expect(mine.spend.slice(baseMine.quit).some((x) => x > 0)).toBe(true);
    expect(baseMine.spend.slice(baseMine.quit).every((x) => x === 0)).toBe(true);

    const inHerTree = (k: string) => under(base.sponsorKey, k, herKey) || under(twin.sponsorKey, k, herKey);
    let compared = 0;
    for (const [k, life] of base.members) {
      if (inHerTree(k)) continue;
      expect(twin.members.get(k), k).toEqual(life);
      compared += 1;
    }
    for (const k of twin.members.keys()) if (!inHerTree(k)) expect(base.members.has(k), k).toBe(true);
    expect(compared).toBeGreaterThan(2000);
    // The 19th member drawn here, who quits in period 5: the twin differs inside her tree (she recruits once more).
    expect([drawn, baseMine.quit, base.members.size, twin.members.size]).toEqual([19, 5, 2691, 2692]);
    let customersCompared = 0;
    for (const [k, life] of base.customers) {
      if (inHerTree(life[0] as string)) continue;
      expect(twin.customers.get(k), k).toEqual(life);
      customersCompared += 1;
    }
    for (const [k, life] of twin.customers) if (!inHerTree(life[0] as string)) expect(base.customers.has(k), k).toBe(true);
    expect(customersCompared).toBeGreaterThan(4000);
  });

  it("a stay from a later period than her quit, or for nobody, changes nothing", () => {
    const base = lives({ seed: 17 });
    const [she] = laterQuitter(base);
    const quit = base.members.get(keyOf(base.world, she))!.quit;
    for (const stay of [{ members: [she], fromPeriod: quit + 1 }, { members: [], fromPeriod: 0 }]) {
      const twin = lives({ seed: 17, stay });
      expect(twin.members).toEqual(base.members);
      expect(twin.customers).toEqual(base.customers);
    }
  });

  it("refuses founders and bad shapes", () => {
    expect(() => createWorld(SCENARIO, { stay: { members: [0], fromPeriod: 1 } })).toThrow(/options\.stay\.members\[0\].*founders/);
    expect(() => createWorld(SCENARIO, { stay: { members: [1.5], fromPeriod: 1 } })).toThrow(/stay\.members/);
    expect(() => createWorld(SCENARIO, { stay: { members: [1], fromPeriod: -1 } })).toThrow(/stay\.fromPeriod/);
    expect(() => createWorld(SCENARIO, { stay: { members: [1], fromPeriod: 1, ownOrder: "stop" } as never })).toThrow(/stay/);
  });
});

describe("a stopped member's customers decay at the churn hazard alone", () => {
  it("every member stopped from period 0, churn 5% a month: the customers halve in ln 2 / −ln 0.95 = 13.5 months", () => {
    const w = createWorld(
      {
        start: { founders: 1, network: { distributors: 20_000, customersPerDistributor: 5 } },
        customers: { churn: [{ fromMonth: 0, monthly: 0.05 }] },
        // The founder (company-held, never stopped) recruits no one here, so nobody joins.
        distributors: { attrition: [{ fromMonth: 0, monthly: 0.3 }], roles: { builder: { recruitRate: 0 } } },
        // Everyone but the founder stops before period 0 (their cohort joined before it); the founder's
        // own customers are a sliver. Stopped members are exempt from attrition: nobody's customers are orphaned.
        stopping: [{ kind: "cohort", joinedFrom: -1_000_000, joinedTo: -1, fromPeriod: 0 }],
      },
      { seed: 13 },
    );
    const fromFounder = w.customerCount[0]!;
    const cohort = w.customers - fromFounder;
    const left: number[] = [];
    let founderNew = 0;
    for (let t = 0; t < 14; t++) {
      const { stats } = stepWorld(w);
      expect(stats.quits).toBe(0);
      founderNew += stats.newCustomers;
      left.push((w.customers - w.customerCount[0]!) / cohort);
    }
    // Only the founder (company-held, never stopped) acquires.
    expect(founderNew).toBe(w.customersEver - cohort - fromFounder);
    // 0.95^13 = 0.5133, 0.95^14 = 0.4877; the sd of a share of ~100,000 is about 0.0016.
    expect(left[12]).toBeGreaterThan(0.5);
    expect(left[13]).toBeLessThan(0.5);
    expect(left[12]).toBeCloseTo(0.95 ** 13, 2);
  });
});
