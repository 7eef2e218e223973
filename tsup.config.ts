import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/cli/node.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
  },
  {
    // downline/parallel: worker threads (Node only), ESM. The worker is an entry of its own:
    // the pool loads it from beside parallel.js.
    entry: { parallel: "src/parallel/index.ts", "parallel-worker": "src/parallel/worker.ts", "world-worker": "src/parallel/world-worker.ts" },
    format: ["esm"],
    dts: { entry: { parallel: "src/parallel/index.ts" } },
    sourcemap: true,
    target: "node20",
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
