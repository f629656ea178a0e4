import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { traceClock } from '@tenure/core';

/**
 * TENURE_TRACE=1 also prints each stall of the server's event loop over 50 ms, and each garbage collection that
 * held it over 20 ms, beside the statements' trace: a stall delays every request's statements at once, and the
 * statement trace alone then reads as if DuckDB were slow.
 */
const TICK = 20;

/** Start watching the loop (nothing without TENURE_TRACE); returns the stop. */
export function traceLoopStalls(): () => void {
  if (!process.env.TENURE_TRACE) return () => undefined;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK;
    if (late > 50)
      process.stderr.write(`[trace] ${traceClock()} ${late.toFixed(1).padStart(7)} ms  event loop blocked\n`);
    last = now;
  }, TICK);
  timer.unref();
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration > 20)
        process.stderr.write(
          `[trace] ${traceClock()} ${e.duration.toFixed(1).padStart(7)} ms  garbage collection (${(e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? '?'})\n`,
        );
  });
  gc.observe({ entryTypes: ['gc'] });
  return () => {
    clearInterval(timer);
    gc.disconnect();
  };
}
