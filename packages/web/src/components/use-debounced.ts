import { useEffect, useState } from 'react';

/**
 * A value that follows `value` once it has stopped changing for `ms`: a figure computed by the server as the user
 * types asks once per pause, not once per keystroke.
 * @example const q = useDebounced({ baseline, effect }, 300); useApi('/api/v1/…', q)
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the value's JSON is its identity (a new object each render)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
