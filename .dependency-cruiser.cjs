/**
 * The architecture check (`npm test` runs it: `depcruise src --config .dependency-cruiser.cjs`).
 *
 * The layers of `src/`, bottom to top. A module may import from its own layer
 * and from the layers below it, never from a layer above: the flow of
 * DESIGN.md (world → plan → engine → analysis → runner → outputs) has no arrow
 * running back up. Type-only imports count too: a type borrowed from a higher
 * layer is how an upward dependency starts, and it makes the lower layer
 * unreadable without the higher one.
 *
 * - util, money, random, validate: small foundations (typed-array growth, exact
 *   amounts and rounding, seeded streams, schema fields and field-path errors);
 * - world: the scenario and its dynamics (never reads a plan);
 * - history: a real business's members, customers and orders (the data
 *   model, importers from CSV and JSON Lines given as text or chunks, and a
 *   history replayed into a world); below plan, like the world it feeds;
 * - plan: plan schema, compiler, components (never draws a random number);
 * - engine: the fast and reference engines, one period's payout;
 * - analysis: collectors and their records (period rows, member columns, the
 *   ledger), the result of a run, pure functions over results;
 * - run: the runner (`simulate`, `simulatePlans`), driving world, engines and
 *   collectors;
 * - output: writers (CSV, JSON, Markdown) as strings or generators of string pieces;
 * - parallel: the Monte Carlo runners on worker threads (piscina), a package
 *   entry of its own (`downline/parallel`): with the CLI, the only place that
 *   may use Node built-ins (node:worker_threads, through piscina);
 * - cli: the command line, the only place with process and file-system I/O;
 * - src/index.ts: the public API, re-exporting by name.
 */
const LAYERS = ["util", "money", "random", "validate", "world", "history", "plan", "engine", "analysis", "run", "output", "parallel", "cli"];

const above = (i) => LAYERS.slice(i + 1);

/** One rule per layer: nothing in it imports a layer above it, nor the public index. */
const layerRules = LAYERS.map((layer, i) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ sits below ${above(i).join(", ") || "(nothing)"} and src/index.ts: it must not import them.`,
  severity: "error",
  from: { path: `^src/${layer}/` },
  to: {
    path: above(i).length > 0 ? [`^src/(${above(i).join("|")})/`, "^src/index\\.ts$"] : ["^src/index\\.ts$"],
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "no-circular",
      comment: "No import cycle, at any length, type-only imports included.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-runtime-circular",
      comment:
        "No cycle of value imports: named apart from no-circular so that a cycle that would exist at run time says so.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "known-layers-only",
      comment: `Every module of src/ lives in a layer (${LAYERS.join(", ")}) or is src/index.ts: a new folder gets its place in LAYERS first.`,
      severity: "error",
      from: { path: "^src/", pathNot: [`^src/(${LAYERS.join("|")})/`, "^src/index\\.ts$"] },
      to: {},
    },
    {
      name: "core-without-node-builtins",
      comment:
        "The library core does no I/O and runs outside Node (browsers, workers, Deno): node: builtins only in the CLI. Writers yield string pieces; the caller writes them.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/cli/", "^src/parallel/"] },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "main-entry-without-parallel",
      comment: "src/index.ts is the core's entry: worker threads are `downline/parallel` (src/parallel/index.ts), an entry of its own, so that the main entry runs without Node.",
      severity: "error",
      from: { path: "^src/index\\.ts$" },
      to: { path: "^src/parallel/" },
    },
    {
      name: "worker-pool-only-in-parallel",
      comment: "piscina (worker threads) is imported by src/parallel/ only.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/parallel/" },
      to: { path: "node_modules/piscina" },
    },
    {
      name: "no-dev-dependencies-in-src",
      comment: "src/ ships: it may not import a devDependency (test, build and benchmark tools).",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"] },
    },
    {
      name: "no-unresolvable",
      comment: "Every import resolves (a typo in a path would otherwise escape the rules above).",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too (see the header).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      // "./x.js" in an import means "./x.ts" (NodeNext): dependency-cruiser resolves that itself.
      extensions: [".ts", ".js", ".json"],
    },
  },
};
