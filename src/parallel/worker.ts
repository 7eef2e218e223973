/**
 * The worker thread's task: one run of an experiment (a seed's world under
 * its plans), exactly as in the calling thread (`runExperimentTask`). Built
 * as its own entry (`dist/parallel-worker.js`); from source it runs under
 * tsx's loader.
 *
 * @module
 */
import { runExperimentTask, type ExperimentOutcome, type ExperimentTask } from "../run/experiment.js";

/** Runs one task (piscina calls the module's default export). */
export default function runTask(task: ExperimentTask): ExperimentOutcome {
  return runExperimentTask(task);
}
