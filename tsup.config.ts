import { defineConfig } from "tsup";

// `npm run build`, and `prepare` (so a git install and `npm pack` from a clean clone ship dist/).
// `prepare` also runs on every plain `npm install` here: the build must stay quick. The
// declarations are the slow part (a type-checked program), so they are built once, in the
// first block, for every entry: `.d.ts` for ESM and `.d.cts` for CommonJS consumers, with the
// types of downline/parallel sharing the main entry's declaration chunks.
export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/cli/node.ts" },
    format: ["esm", "cjs"],
    // import.meta.url in CommonJS too: downline/node finds its orders thread's module (orders-worker.js) beside itself.
    shims: true,
    dts: { entry: { index: "src/index.ts", node: "src/cli/node.ts", parallel: "src/parallel/index.ts" } },
    sourcemap: true,
    clean: true,
    target: "node20",
  },
  {
    // downline/parallel: worker threads (Node only), ESM only (its types come from the block above).
    // The workers are entries of their own: the pools load them from beside parallel.js, and
    // downline/node (node.js) its orders thread from beside it.
    entry: { parallel: "src/parallel/index.ts", "parallel-worker": "src/parallel/worker.ts", "world-worker": "src/parallel/world-worker.ts", "orders-worker": "src/parallel/orders-worker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    // The chart renderer's optional dependencies, loaded on demand (never bundled: resvg is a native module).
    external: ["vega", "vega-lite", "@resvg/resvg-js"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
