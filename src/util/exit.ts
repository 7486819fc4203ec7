/**
 * Ending a command without cutting its output. `process.exit` ends the process at once, and what
 * Node has not yet handed to a pipe is lost: piped output used to stop at 64 KiB. Every entry point
 * (the bin, `runApp`, `checkSynthMain`) ends through `exitWhenFlushed`.
 */

/**
 * Sets the exit code, then ends the process once stdout and stderr have flushed everything written
 * before the call (a write's callback runs after the writes queued before it). A reader that
 * closed its end early (EPIPE) does not hold the process: the callback runs with the error.
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}
