/**
 * What keyed draws buy: the same seed gives byte-identical worlds; one member
 * drawing more (forced extra customers and an extra recruit) moves no one
 * else's events, although everyone who joins after her gets another index;
 * the per-period input (income, rank) changes nothing in a world without
 * attrition multipliers; and a World is read-only to the outside.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { createWorld, stepWorld, type ScenarioInput, type World, type WorldStepInput } from "../../src/index.js";
import { addCustomer, addRecruit, type WorldState } from "../../src/world/state.js";
import { BUILDER } from "../../src/world/roles.js";

const SCENARIO: ScenarioInput = {
  months: 8,
  start: { founders: 1, network: { distributors: 1500, customersPerDistributor: 2 } },
  market: { prospects: 50_000 },
};

/** sha256 of the world's state after a step and of the step's result: every array up to its count. */
function digestStep(world: World, result: ReturnType<typeof stepWorld>): string {
  const h = createHash("sha256");
  const bytes = (a: ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; BYTES_PER_ELEMENT: number }, n: number) =>
    h.update(new Uint8Array(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT));
  const n = world.size;
  for (const a of [world.sponsor, world.upline, world.keyHi, world.keyLo, world.joinPeriod, world.recruits, world.customerCount]) bytes(a, n);
  for (const a of [world.alive, world.role, world.company]) bytes(a, n);
  bytes(world.stopPeriod, n);
  for (const a of [world.ownCv, world.customerCv, world.ownSpend, world.effort, world.hours, world.expenses, world.requiredPurchases]) bytes(a, n);
  bytes(world.current, world.currentCount);
  const c = world.customers;
  for (const a of [world.customerId, world.customerOwner, world.customerJoin, world.customerKeyHi, world.customerKeyLo]) bytes(a, c);
  for (const a of [world.customerPrice, world.customerCvEach]) bytes(a, c);
  const o = world.orderColumns;
  for (const a of [o.orderMember, o.orderCustomer, o.orderCustomerJoin]) bytes(a, o.orderCount);
  for (const a of [o.orderPrice, o.orderCv]) bytes(a, o.orderCount);
  h.update(JSON.stringify([result.stats, world.prospectsLeft, world.customersEver]));
  return h.digest("hex");
}

function digests(seed: number | string, input?: (t: number, world: World) => WorldStepInput, scenario = SCENARIO): string[] {
  const world = createWorld(scenario, { seed });
  const out: string[] = [];
  for (let t = 0; t < 8; t++) out.push(digestStep(world, stepWorld(world, input?.(t, world))));
  return out;
}

describe("the same seed gives the same world", () => {
  it("byte-identical arrays every period; another seed differs from the first period on", () => {
    const a = digests(21);
    expect(digests(21)).toEqual(a);
    const b = digests(22);
    expect(b.every((d, t) => d !== a[t])).toBe(true);
  });

  it.each(["uniform", "preferential"] as const)("with %s attachment and weekly periods too", (model) => {
    const scenario: ScenarioInput = { ...SCENARIO, period: "week", recruitment: { model } };
    expect(digests(5, undefined, scenario)).toEqual(digests(5, undefined, scenario));
  });
});

describe("without attrition multipliers (the default) the world ignores income and rank", () => {
  it("a world told every member's income and rank (any values) steps exactly like one told nothing", () => {
    const income = (t: number, world: World): WorldStepInput => ({
      income: Float64Array.from({ length: world.size }, (_, i) => ((i * 7919 + t * 104729) % 1000) * 1e5 - 3e7),
      rank: Uint8Array.from({ length: world.size }, (_, i) => (i * 31 + t) % 7),
    });
    expect(digests(31, income)).toEqual(digests(31));
  });

  it("with multipliers, the same input changes who stays", () => {
    const scenario: ScenarioInput = {
      ...SCENARIO,
      distributors: { attritionMultipliers: { byNetIncome: [{ minNet: "0", multiplier: 0.2 }], byRank: [{ minRank: 3, multiplier: 0.5 }] } },
    };
    const income = (t: number, world: World): WorldStepInput => ({
      income: Float64Array.from({ length: world.size }, (_, i) => ((i * 7919 + t * 104729) % 1000) * 1e5 - 3e7),
      rank: Uint8Array.from({ length: world.size }, (_, i) => (i * 31 + t) % 7),
    });
    const told = digests(31, income, scenario);
    const untold = digests(31, undefined, scenario);
    // Every period reads what it is told (period 0 too: the runner tells it nothing, a caller may), so every period differs.
    expect(told.every((d, t) => d !== untold[t])).toBe(true);
  });
});

/** A member's events, keyed by her identity key (indices differ between the two worlds). */
interface MemberEvents {
  join: number;
  quit: number;
  role: number;
  recruits: number;
  customers: number;
  upline: string;
  /** Own spend and customers' CV, period by period. */
  spend: number[];
  customerCv: number[];
}

const keyOf = (w: World, i: number) => (i < 0 ? "top" : `${w.keyHi[i]}:${w.keyLo[i]}`);
const customerKeyOf = (w: World, c: number) => `${w.customerKeyHi[c]}:${w.customerKeyLo[c]}`;

/** Runs a world for 8 periods, recording every member's events and every customer's (key → owner key, join, price, last period seen). */
function eventsByKey(world: World) {
  const members = new Map<string, MemberEvents>();
  const customers = new Map<string, string>();
  for (let t = 0; t < 8; t++) {
    stepWorld(world);
    for (let i = 0; i < world.size; i++) {
      const k = keyOf(world, i);
      let e = members.get(k);
      if (!e) members.set(k, (e = { join: 0, quit: 0, role: 0, recruits: 0, customers: 0, upline: "", spend: [], customerCv: [] }));
      Object.assign(e, {
        join: world.joinPeriod[i],
        quit: world.alive[i] === 1 ? -1 : world.quitPeriod[i],
        role: world.role[i],
        recruits: world.recruits[i],
        customers: world.customerCount[i],
        upline: keyOf(world, world.upline[i]!),
      });
      e.spend[t] = world.ownSpend[i]!;
      e.customerCv[t] = world.customerCv[i]!;
    }
    for (let c = 0; c < world.customers; c++) {
      customers.set(customerKeyOf(world, c), `${keyOf(world, world.customerOwner[c]!)} ${world.customerJoin[c]} ${world.customerPrice[c]} last seen ${t}`);
    }
  }
  return { members, customers };
}

describe("one member drawing more moves no one else's events", () => {
  it("her forced extra customers and an extra recruit leave every other member's joins, quits, orders, recruits and customers as they were", () => {
    // A vast market keeps the saturation the same to 1e-8 in both worlds (the one global coupling; see steps/recruiting.ts).
    const scenario: ScenarioInput = { ...SCENARIO, market: { prospects: 2_000_000_000 }, customers: { orphans: "churn" } };
    const plain = createWorld(scenario, { seed: 8 });
    const forced = createWorld(scenario, { seed: 8 }) as WorldState;
    // She: the first builder who is not a founder. Before period 0 she gets 5 more customers and one more
    // recruit than she drew (ranks no draw uses), prospects given back so the market is the same.
    let she = 1;
    while (forced.role[she] !== BUILDER) she += 1;
    for (let j = 0; j < 5; j++) addCustomer(forced, she, -1, 1000 + j);
    const extra = addRecruit(forced, she, -1, 1000);
    forced.prospectsLeft += 6;
    const herKey = keyOf(forced, she);
    const extraKey = keyOf(forced, extra);

    const a = eventsByKey(plain);
    const b = eventsByKey(forced);
    // Everyone in the plain world is in the forced one, most at another index (the extra recruit
    // took index 1500, so every later joiner moved up by one).
    expect(plain.size).toBeGreaterThan(1600);
    for (const [key, events] of a.members) {
      const other = b.members.get(key);
      expect(other, key).toBeDefined();
      if (key === herKey) {
        // Her own draws are hers: she joins, quits and orders alike; only her counts of recruits and customers differ.
        expect({ ...other!, recruits: 0, customers: 0, customerCv: [] }).toEqual({ ...events, recruits: 0, customers: 0, customerCv: [] });
        expect(other!.recruits).toBe(events.recruits + 1);
      } else {
        expect(other, key).toEqual(events);
      }
    }
    // The forced world has more: the extra recruit and her own downline, nobody else.
    const extraMembers = [...b.members.keys()].filter((k) => !a.members.has(k));
    expect(extraMembers).toContain(extraKey);
    const forcedWorld = forced as World;
    for (let i = 0; i < forcedWorld.size; i++) {
      if (a.members.has(keyOf(forcedWorld, i))) continue;
      let s = forcedWorld.sponsor[i]!;
      while (s >= 0 && keyOf(forcedWorld, s) !== extraKey && !a.members.has(keyOf(forcedWorld, s))) s = forcedWorld.sponsor[s]!;
      expect(i === extra || keyOf(forcedWorld, s) === extraKey).toBe(true);
    }
    // Every customer of the plain world lives the same life in the forced one (same key, owner, join, price, last period).
    for (const [key, life] of a.customers) expect(b.customers.get(key), key).toBe(life);
  });
});

describe("a World is read-only to the outside", () => {
  it("its fields and arrays reject writes at compile time", () => {
    const w = createWorld({ months: 1 });
    const attempts = [
      // @ts-expect-error a World's arrays are read-only
      () => (w.alive[0] = 0),
      // @ts-expect-error and so are its counts
      () => (w.size = 3),
      // @ts-expect-error and its placement tree
      () => (w.placement!.parent[0] = 1),
    ];
    expect(attempts).toHaveLength(3);
  });
});
