import { SPEC_CASES } from "./cases.js";
import { runSpecCases } from "./run.js";

runSpecCases("spec suite", SPEC_CASES);
