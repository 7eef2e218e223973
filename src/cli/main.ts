/**
 * The `downline` command line (commander): `run`, `compare`, `disclose`,
 * `stop`, `sweep`, `validate`, `presets`; `downline COMMAND --help` for each.
 *
 * Plans and scenarios are files given positionally (told apart by their
 * keys) or presets by name (`downline compare wellness-unilevel binary
 * my-plan.json`). Periods are numbered from 0 in every output — the tables,
 * CSV, JSON, charts — as in the library's API. Exit codes: 0 done; 1 the run
 * failed (an output could not be written, or an internal error); 2 bad usage
 * or bad input (a plan, a scenario, an option, an output that cannot be
 * written, a run over the memory budget), found before any work. Every
 * failure is one line per problem on stderr, naming the file and the field;
 * a stack trace only with --debug. A progress bar is drawn on stderr only
 * when it is a terminal.
 *
 * @module
 */
import { Command, CommanderError, Option } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { DownlineInputError } from "../validate/errors.js";
import { PRESETS } from "../plan/presets.js";
import { OutputWriteError } from "./output-file.js";
import type { CommandIo } from "./common.js";
import { runCommand, validateCommand, type RunOptions } from "./commands/run.js";
import { compareCommand, sweepCommand, type CompareOptions, type SweepCliOptions } from "./commands/compare.js";
import { discloseCommand, type DiscloseOptions } from "./commands/disclose.js";
import { stopCommand, type StopOptions } from "./commands/stop.js";
import { presetsCommand } from "./commands/presets.js";

const COMMANDS = ["run", "compare", "disclose", "stop", "sweep", "validate", "presets"];
const presetNames = Object.keys(PRESETS).join(", ");

const GENERAL_HELP = `
Plans and scenarios: JSON files given positionally, told apart by their keys
(a plan has "components"), or presets by name (downline presets lists them).
A single preset runs on the business it is written for unless --scenario is
given; several plans share one world (--scenario, default the embedded one).

Periods are numbered from 0 everywhere (tables, CSV, JSON, charts, the API):
period 0 is the run's first month (or week). Money: tables in major units
with separators; CSV in major units (exact where the figure is); JSON in
integer minor units, with "currency" and "digits" beside them.

Examples:
  downline run wellness-unilevel                  a preset on its own business
  downline run my-plan.json --months 24           a plan file on the default world
  downline compare                                every preset on the default world, 10 seeds
  downline compare wellness-unilevel binary my-plan.json --seeds 20 --chart payout.svg
  downline disclose stairstep-breakaway --format md --out disclosure.md
  downline stop wellness-unilevel --member median-builder --chart stop.png
  downline sweep --param distributors.orderProbability=0.5,0.65,0.8 --chart sweep.svg
  downline validate my-plan.json my-scenario.json

exit codes: 0 done, 1 the run failed, 2 bad input or usage (nothing was run)`;

/** Options every simulating command takes. */
function worldOptions(cmd: Command, what: { seedHelp: string; formatHelp: string; chartHelp: string }): Command {
  return cmd
    .option("--scenario <file|name>", "the world: a scenario file, default, a preset's business by the preset's name, or own (each preset on its own business)")
    .option("--months <n>", "override the scenario's months")
    .option("--seed <seed>", what.seedHelp)
    .option("--engine <name>", "fast (default) or reference")
    .option("--format <name>", what.formatHelp)
    .option("--out <file>", "write the output to this file (written whole or not at all) instead of stdout")
    .option("--chart <file>", what.chartHelp)
    .option("--memory <size>", "memory budget, like 8G or 512M (default: half the machine's memory)");
}

function experimentOptions(cmd: Command): Command {
  return cmd
    .option("--seeds <n>", "how many seeds (default 10)")
    .option("--workers <n>", "worker threads (default: one per core; 0 or 1 runs in this thread)")
    .option("--window <window>", "the window metrics cover: last-year (default), run, year:N, periods:A-B (numbered from 0)")
    .addOption(new Option("--table <name>", "with --format csv, the table written: summary (default), values (per seed), differences (paired), periods (revenue and payout per period per seed)"));
}

/** The program, its commands wired to `io`; each action stores its exit code through `done`. */
function program(io: CommandIo, done: (code: number) => void, current: { command: string }): Command {
  const root = new Command("downline")
    .description(pkg.description)
    .version(pkg.version, "-V, --version", "the version")
    .helpOption("-h, --help", "help for a command")
    .option("--debug", "print stack traces of failures")
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t), outputError: () => undefined })
    .addHelpText("after", GENERAL_HELP)
    .exitOverride()
    .hook("preSubcommand", (_root, sub) => {
      current.command = sub.name();
    });
  const act =
    <O>(fn: (args: string[], options: O, io: CommandIo) => Promise<number>) =>
    async (args: string[], options: O) => done(await fn(args, options, io));

  worldOptions(
    root
      .command("run")
      .summary("simulate one plan on one world, period by period")
      .description("Simulate one plan on one world and print it period by period (periods from 0), with a summary of who earned what.")
      .argument("[inputs...]", "a plan file, a scenario file, or a preset's name")
      .option("--plan <file>", "the plan file (or give it positionally)")
      .option("--preset <name>", `a preset plan: ${presetNames}`),
    { seedHelp: "the run's seed (default 42)", formatHelp: "table (default), md, csv or json", chartHelp: "draw what each component paid, period by period (.svg or .png)" },
  )
    .option("--ledger <file>", "write the ledger (every payment) as CSV")
    .option("--members <file>", "write a row per member as CSV")
    .addHelpText("after", "\nExamples:\n  downline run\n  downline run wellness-unilevel --format csv --out periods.csv\n  downline run my-plan.json my-scenario.json --ledger ledger.csv --chart components.svg\n")
    .action(act<RunOptions>(runCommand));

  experimentOptions(
    worldOptions(
      root
        .command("compare")
        .summary("compare plans on the same seeded worlds over many seeds")
        .description(
          "Compare plans on the same seeded worlds over many seeds (common random numbers): each metric's mean with its 95% interval, and each plan's income-disclosure headline. Without plans: every preset, on the default world.",
        )
        .argument("[plans...]", "plan files or preset names (default: every preset)"),
      { seedHelp: "the first seed (default 1): seeds are SEED, SEED+1, …", formatHelp: "table (default), md, csv or json", chartHelp: "draw the payout ratio over time per plan (.svg or .png)" },
    ),
  )
    .option("--metrics <list>", "the metrics of the table, comma-separated (default: payoutRatio, breakageShare, zeroEarnerShare, medianGross, meanGross, top10Share, netProfitShare, medianNet)")
    .option("--differences", "add the paired differences between plans (same world, same seeds)")
    .addHelpText("after", "\nExamples:\n  downline compare\n  downline compare wellness-unilevel stairstep-breakaway my-plan.json --seeds 20 --workers 2\n  downline compare --scenario own --format csv --table values --out values.csv\n")
    .action(act<CompareOptions>(compareCommand));

  worldOptions(
    root
      .command("disclose")
      .summary("an income disclosure statement for each plan")
      .description("An income disclosure statement for each plan on one seed: everyone, by title and by percentile band; earnings, gross and net of expenses and required purchases; hours.")
      .argument("[inputs...]", "plan files or preset names, and at most one scenario file"),
    { seedHelp: "the run's seed (default 42)", formatHelp: "table (default), md, csv or json", chartHelp: "draw each plan's income distribution (.svg or .png)" },
  )
    .option("--window <window>", "the window: last-year (default), first-year (each member's), run, year:N, periods:A-B (numbered from 0)")
    .addHelpText("after", "\nExamples:\n  downline disclose wellness-unilevel\n  downline disclose binary matrix-3x7 --format md --chart incomes.png\n")
    .action(act<DiscloseOptions>(discloseCommand));

  worldOptions(
    root
      .command("stop")
      .summary("what if I stop? income with and without effort")
      .description(
        "What if she stops? The same seeded world run twice, with some members still working and with them stopping all effort from a period on: their income period by period with and without it, and how fast it halves. By default they keep their accounts from the stop on in both runs, so the runs differ only in their effort.",
      )
      .argument("[inputs...]", "a plan file, a scenario file, or a preset's name"),
    { seedHelp: "the run's seed (default 42)", formatHelp: "table (default), md, csv or json", chartHelp: "draw income with and without effort (.svg or .png)" },
  )
    .option("--plan <file>", "the plan file (or give it positionally)")
    .option("--preset <name>", `a preset plan: ${presetNames}`)
    .option("--member <who>", "who stops: indices (1234 or 1234,5678), or a rule: median-builder (default), top-seller, p90-member, builders (all of them) …")
    .option("--cohort <cohort>", "the rule picks among: year-N (joined in the run's N-th year; default year-1), before-run (the starting network), any")
    .option("--from <period>", "the first period without effort (numbered from 0; default: a year before the end, or half-way)")
    .option("--reference <n>", "periods before the stop her reference income is the mean of (default 3)")
    .option("--measure <name>", "gross (default), earnings or net")
    .option("--own-order <keep|stop>", "after the stop, her own monthly order: keep (default) or stop")
    .option("--attrition <exempt|hazard>", "after the stop, in both runs: exempt from attrition (default: they keep their accounts) or the tenure hazard")
    .addHelpText("after", "\nExamples:\n  downline stop wellness-unilevel\n  downline stop my-plan.json --member 1234 --from 12 --chart stop.svg\n  downline stop binary --member builders --cohort before-run --format csv\n")
    .action(act<StopOptions>(stopCommand));

  experimentOptions(
    worldOptions(
      root
        .command("sweep")
        .summary("a metric over values of scenario fields × plans × seeds")
        .description("Sweep scenario fields over values (every combination) × plans × seeds: each metric's mean and interval at each point. Without plans: the default plan.")
        .argument("[plans...]", "plan files or preset names (default: the default plan)"),
      { seedHelp: "the first seed (default 1)", formatHelp: "table (default), md, csv or json", chartHelp: "draw the metric against the first parameter (.svg or .png)" },
    ),
  )
    .option("--param <path=values>", "a scenario field by dotted path and its values, comma-separated (repeatable): distributors.orderProbability=0.5,0.65,0.8", (v: string, prev: string[] = []) => [...prev, v])
    .option("--metric <name>", "the metric of the table and the chart (default payoutRatio)")
    .addHelpText("after", "\nExamples:\n  downline sweep --param distributors.orderProbability=0.5,0.65,0.8\n  downline sweep wellness-unilevel --param market.prospects=100000,250000 --metric medianGross --chart sweep.png\n")
    .action(act<SweepCliOptions>(sweepCommand));

  root
    .command("validate")
    .summary("check a plan and a scenario, and say what is wrong")
    .description("Check a plan and a scenario — every field, what depends on the currency, the memory a run would need — and run nothing.")
    .argument("[inputs...]", "a plan file, a scenario file, or a preset's name")
    .option("--scenario <file|name>", "the scenario file, or a name: default, or a preset's business")
    .option("--plan <file>", "the plan file (or give it positionally)")
    .option("--preset <name>", `a preset plan: ${presetNames}`)
    .option("--months <n>", "override the scenario's months")
    .option("--engine <name>", "fast (default) or reference")
    .option("--memory <size>", "memory budget, like 8G or 512M (default: half the machine's memory)")
    .addHelpText("after", "\nExamples:\n  downline validate my-plan.json\n  downline validate my-plan.json my-scenario.json --memory 4G\n")
    .action(act<RunOptions>(validateCommand));

  root
    .command("presets")
    .summary("list the preset plans, one line each")
    .description("List the preset plans, one line each, with the business each is written for.")
    .option("--format <name>", "table (default) or json")
    .action(async (options: { format?: string }) => done(await presetsCommand(options, io)));

  return root;
}

/** A commander error as one line naming what was wrong, and its exit code (help and version: 0). */
function commanderFailure(e: CommanderError, command: string, io: CommandIo): number {
  if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
  const see = command === "" ? "downline --help" : `downline ${command} --help`;
  if (e.code === "commander.help") {
    // `downline` alone: the help went to stderr; a command was expected.
    io.err(`downline/options: command: expected one of ${COMMANDS.join(", ")} (see downline --help)\n`);
    return 2;
  }
  const word = /'([^']*)'/.exec(e.message)?.[1] ?? "";
  const text = e.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ");
  if (e.code === "commander.unknownCommand") {
    const hint = /\.json$/i.test(word) || Object.prototype.hasOwnProperty.call(PRESETS, word) ? `; to run it: downline run ${word}` : "";
    io.err(new DownlineInputError("options", [{ path: "command", message: `unknown command ${JSON.stringify(word)}, expected one of ${COMMANDS.join(", ")}${hint} (see ${see})` }]).message + "\n");
    return 2;
  }
  io.err(new DownlineInputError("options", [{ path: command || "downline", message: `${text} (see ${see})` }]).message + "\n");
  return 2;
}

/**
 * A failure as the command line reports it: one line per problem, no stack
 * trace unless `debug`; the exit code (2 bad input, 1 anything else; a
 * closed pipe, 0).
 */
export function reportFailure(e: unknown, debug: boolean, err: (text: string) => void): number {
  if (e instanceof DownlineInputError) {
    err(e.message + "\n");
    if (debug && e.stack) err(e.stack + "\n");
    return 2;
  }
  if (e instanceof OutputWriteError) {
    // A reader that stopped reading (`--ledger /dev/stdout | head`) wanted no more: not a failure.
    if (e.code === "EPIPE") return 0;
    err(`downline: ${e.message}\n`);
    if (debug && e.stack) err(e.stack + "\n");
    return 1;
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  err(`downline: the run failed: ${message.split("\n")[0]}${debug ? "" : " (run again with --debug for the stack trace)"}\n`);
  if (debug && e instanceof Error && e.stack) err(e.stack + "\n");
  return 1;
}

/**
 * Runs the command line with `argv` (without node and script); resolves to
 * the exit code. Nothing it meets ends it with a stack trace: every failure
 * is reported by {@link reportFailure}.
 */
export async function main(argv: readonly string[], out: (text: string) => void = (t) => void process.stdout.write(t)): Promise<number> {
  const err = (text: string) => void process.stderr.write(text);
  const io: CommandIo = { out, err, progressStream: process.stderr };
  const debug = argv.includes("--debug");
  let code = 0;
  const current = { command: "" };
  try {
    await program(io, (c) => (code = c), current).parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return commanderFailure(e, current.command, io);
    return reportFailure(e, debug, err);
  }
}

/**
 * Installs what a process needs around {@link main}: a reader that stops
 * reading (`| head`) ends the output quietly with exit 0 (EPIPE), and an
 * error no one caught is still one line.
 */
async function runProcess(): Promise<void> {
  const debug = process.argv.includes("--debug");
  const onStreamError = (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    process.exitCode = reportFailure(e, debug, (t) => void process.stderr.write(t));
  };
  process.stdout.on("error", onStreamError);
  process.stderr.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  process.on("uncaughtException", (e) => {
    process.exitCode = reportFailure(e, debug, (t) => void process.stderr.write(t));
  });
  process.exitCode = await main(process.argv.slice(2));
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.ts|cli\.js|downline)$/.test(process.argv[1]);
if (invokedDirectly) void runProcess();
