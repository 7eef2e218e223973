/** `basis`: components pay on CV by default, on QV when asked; both engines, hand-computed. */
import { runSpecCases } from "./run.js";
import { BASIS_CASES } from "./basis.cases.js";

runSpecCases("basis", BASIS_CASES);
