/**
 * Writes schema/plan.schema.json from the plan's zod schemas:
 * `npx tsx scripts/write-plan-schema.ts`. A test fails when the file is stale.
 */
import { writeFileSync } from "node:fs";
import { planJsonSchema } from "../src/index.js";

writeFileSync(new URL("../schema/plan.schema.json", import.meta.url), JSON.stringify(planJsonSchema(), null, 2) + "\n");
