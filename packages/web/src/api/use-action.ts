import { useCallback, useState } from 'react';
import { ApiError } from './client.ts';

/**
 * A write the user starts (save, import, delete): whether it is running and the problem it ended with.
 * `run` resolves to false when the action failed, so callers can stop a multi-step flow.
 * @example const save = useAction(); <Button loading={save.busy} onClick={() => save.run(() => api.put(…))} />
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0, code: 'CLIENT' }));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(undefined) };
}
