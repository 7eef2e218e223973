/**
 * Output files that lose nothing: checked writable before any work (a
 * temporary file is created next to the target at once), written piece by
 * piece with blocking writes (each piece is on disk before the next is made:
 * a ledger of tens of millions of lines never sits in memory), synced, then
 * renamed over the target. An interrupted run leaves at most a hidden
 * `.NAME.downline-PID-N.tmp`, never a file under the target's name that looks
 * complete. A target that is not a regular file (/dev/stdout, a FIFO) is
 * written directly.
 *
 * @module
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DownlineInputError } from "../validate/errors.js";

/** A failure to write an output after the run: the run's results are lost for that file (exit 1; a closed pipe ends quietly). */
export class OutputWriteError extends Error {
  override readonly name = "OutputWriteError";
  constructor(
    message: string,
    /** The system's error code (`ENOSPC`, `EPIPE`), when there is one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/** An output file, ready before the run: write it once, or discard it. */
export interface OutputFile {
  /** The target, as given. */
  readonly path: string;
  /** Writes the pieces (text as UTF-8, or bytes) in order, then puts the file in place; throws {@link OutputWriteError}. */
  write(pieces: Iterable<string | Uint8Array>): void;
  /** Removes the temporary file (the run failed). */
  discard(): void;
}

/** An error's code and text, as one short phrase: `no space left on device (ENOSPC)`. */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const text = String(err?.message ?? e).replace(/^[A-Z]+: /, "").replace(/, \w+( '.*')?$/, "");
  return err?.code ? `${text} (${err.code})` : text;
}

let counter = 0;

/**
 * Opens the output `path` given by `flag` (`--ledger`): fails at once, with a
 * `DownlineInputError` naming the flag, when it cannot be written (no such
 * directory, a directory, no permission, a read-only file system).
 */
export function openOutputFile(path: string, flag: string): OutputFile {
  const refuse = (message: string): never => {
    throw new DownlineInputError("options", [{ path: flag, message }]);
  };
  if (path === "") refuse("expected a file name, got an empty one");
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) refuse(`${path} is a directory; expected a file to write`);
  if (existing && !existing.isFile()) return direct(path, refuse);
  const dir = dirname(resolve(path));
  const temp = join(dir, `.${basename(path)}.downline-${process.pid}-${counter++}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, "wx", 0o666);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(code === "ENOENT" && !exists(dir) ? `cannot write ${path}: the directory ${dir} does not exist` : `cannot write ${path}: ${ioReason(e)}`);
  }
  const close = closer(fd);
  return {
    path,
    write(pieces) {
      try {
        for (const piece of pieces) writeAll(fd, piece);
        fsyncSync(fd);
        close();
        renameSync(temp, path);
      } catch (e) {
        discardQuietly();
        throw writeFailed(path, e);
      }
    },
    discard: () => discardQuietly(),
  };
  function discardQuietly(): void {
    try {
      close();
    } catch {
      // Closing can fail only if the descriptor is gone: nothing left to do.
    }
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or removed.
    }
  }
}

/** A target that is not a regular file (a device, a FIFO): written as it is, no temporary file. */
function direct(path: string, refuse: (message: string) => never): OutputFile {
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (e) {
    return refuse(`cannot write ${path}: ${ioReason(e)}`);
  }
  const close = closer(fd);
  return {
    path,
    write(pieces) {
      try {
        for (const piece of pieces) writeAll(fd, piece);
      } catch (e) {
        throw writeFailed(path, e);
      } finally {
        close();
      }
    },
    discard: close,
  };
}

/** Closes `fd` the first time it is called; later calls do nothing. */
function closer(fd: number): () => void {
  let open = true;
  return () => {
    if (open) closeSync(fd);
    open = false;
  };
}

/** A failed write of `path`'s pieces, as the error a command reports. */
function writeFailed(path: string, e: unknown): OutputWriteError {
  return new OutputWriteError(`cannot write ${path}: ${ioReason(e)}`, codeOf(e));
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes a whole piece: `writeSync` may write less than it is given. */
function writeAll(fd: number, piece: string | Uint8Array): void {
  const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}
