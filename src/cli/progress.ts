/**
 * A progress bar on stderr while a command works (cli-progress), only when
 * stderr is a terminal: piped or redirected, a command writes nothing but
 * its output and its one-line problems.
 *
 * @module
 */
import cliProgress from "cli-progress";

/** A progress display: tell it how far the work is, stop it when done. */
export interface Progress {
  /** `done` of `total` units (total may change: a command may learn it late). */
  update(done: number, total?: number): void;
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A bar labelled `label` counting `unit`s, on `stream` when it is a
 * terminal (default: process.stderr); otherwise a display that shows nothing.
 */
export function progressBar(label: string, total: number, unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return NONE;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} ${unit}  {eta_formatted} left`,
      barsize: 30,
      // A hidden cursor would stay hidden after Ctrl-C (the bar does not trap signals).
      hideCursor: false,
      clearOnComplete: true,
      // The runs are synchronous: draw on each update (at most `fps` a second), not on a timer that cannot fire.
      synchronousUpdate: true,
      fps: 10,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let stopped = false;
  return {
    update(done, newTotal) {
      if (stopped) return;
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
