/**
 * TENURE_TRACE=1 also prints each stall of the server's event loop over 50 ms, beside the statements' trace: a
 * stall delays every request's statements at once, and the statement trace alone then reads as if DuckDB were slow.
 */
const TICK = 20;

/** Start watching the loop (nothing without TENURE_TRACE); returns the stop. */
export function traceLoopStalls(): () => void {
  if (!process.env.TENURE_TRACE) return () => undefined;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK;
    if (late > 50) process.stderr.write(`[trace] ${late.toFixed(1).padStart(7)} ms  event loop blocked\n`);
    last = now;
  }, TICK);
  timer.unref();
  return () => clearInterval(timer);
}
