/**
 * Fuzz: the command line through files. Plans and scenarios mutated with
 * hostile values, then written as text with hostile bytes (a byte-order mark,
 * control characters, truncation, deep brackets, bytes that are not UTF-8),
 * are given to `validate` and `run`, positionally and through --plan and
 * --scenario. Each ends with exit 0 (accepted and run) or exit 2 with one line
 * per problem on stderr, naming the file or the option; never a stack trace,
 * never another exit code.
 *
 * Replay a failure with `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/fuzz/cli.fuzz.test.ts`.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_PLAN, PRESETS } from "../../src/index.js";
import { main } from "../../src/cli/main.js";
import { mutate, mutationArb, replay, runs } from "./hostile.js";

const dir = mkdtempSync(join(tmpdir(), "downline-cli-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const small = join(dir, "small.json");
writeFileSync(small, JSON.stringify({ months: 2, start: { network: { distributors: 30 } }, market: { prospects: 300 } }));

const BASES: readonly unknown[] = [DEFAULT_PLAN, PRESETS["wellness-unilevel"], { months: 2, start: { network: { distributors: 30 } }, market: { prospects: 300 } }];

/** JSON text of a value, when it has one (cycles, bigints and symbols have none: a fixed hostile text instead). */
function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "undefined";
  } catch {
    return '{"components": [{"type": "unilevel", "rates": ["0.1"], "self": {"$ref": "#"}}]}';
  }
}

/** What is done to the text: nothing, or one corruption at a position. */
const textArb = fc.record({
  corruption: fc.constantFrom("none", "none", "bom", "control", "truncate", "brackets", "latin1", "garbage"),
  at: fc.nat(),
});

function corrupt(text: string, { corruption, at }: { corruption: string; at: number }): string | Buffer {
  const k = text.length === 0 ? 0 : at % text.length;
  switch (corruption) {
    case "bom":
      return "\uFEFF" + text;
    case "control":
      return text.slice(0, k) + "\u0001\u0000\n" + text.slice(k);
    case "truncate":
      return text.slice(0, k);
    case "brackets":
      return "[".repeat(100 + (at % 50_000)) + text;
    case "latin1":
      return Buffer.concat([Buffer.from(text.slice(0, k)), Buffer.from([0xe9, 0xff]), Buffer.from(text.slice(k))]);
    case "garbage":
      return text + "}}]]\u0007";
    default:
      return text;
  }
}

const fileArb = fc.record({ base: fc.constantFrom(...BASES), mutations: fc.array(mutationArb, { minLength: 0, maxLength: 2 }), text: textArb, how: fc.constantFrom("validate", "run", "validate --plan", "run --scenario") });

export const CLI_RUNS = runs(100);
let counter = 0;

describe("fuzz: the command line through files", () => {
  it(`${CLI_RUNS} hostile files: exit 0, or exit 2 with one line per problem naming the file; never a stack trace`, async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ base, mutations, text, how }) => {
        const path = join(dir, `input-${counter++}.json`);
        writeFileSync(path, corrupt(jsonOf(mutate(base, mutations)), text));
        const [command, flag] = how.split(" ");
        const argv = flag === "--plan" ? [command!, "--plan", path, "--scenario", small] : flag === "--scenario" ? [command!, "--scenario", path] : [command!, path, "--scenario", small];
        // A positional scenario and --scenario would be two scenarios: positional files go with the built-in scenario then.
        // A small memory budget: an accepted scenario may hold 50,000,000 distributors (this machine could, the test should not).
        const args = [...(flag === undefined && !/components/.test(jsonOf(base)) ? [command!, path, "--months", "2"] : argv), "--memory", "256M"];
        const err: string[] = [];
        const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
        let code: number;
        try {
          code = await main(args, () => undefined);
        } finally {
          spy.mockRestore();
        }
        const stderr = err.join("");
        expect([0, 2], `${args.join(" ")}\n${stderr}`).toContain(code);
        expect(stderr).not.toMatch(/^\s+at /m);
        for (const line of stderr.split("\n").filter((l) => l !== "")) {
          expect(line).toMatch(/^downline\/[a-z]+: /);
          if (code === 2) expect(line.includes(path) || line.startsWith("downline/options:") || line.startsWith("downline/scenario: --months")).toBe(true);
        }
      }),
      { numRuns: CLI_RUNS, ...replay },
    );
  });
});
