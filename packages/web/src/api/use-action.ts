import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ApiError, asApiError } from './client.ts';

/**
 * A write the user starts (save, import, delete): whether it is running and the problem it ended with.
 * `run` resolves to false when the action failed, so callers can stop a multi-step flow.
 * @example const save = useAction(); <Button loading={save.busy} onClick={() => save.run(() => api.put(…))} />
 */
export function useAction() {
  const m = useMutation<unknown, ApiError, () => Promise<unknown>>({
    mutationFn: (fn) => fn().catch((e: unknown) => Promise.reject(asApiError(e))),
  });
  const { mutateAsync, reset } = m;
  const run = useCallback(
    (fn: () => Promise<unknown>) =>
      mutateAsync(fn).then(
        () => true,
        () => false,
      ),
    [mutateAsync],
  );
  return { busy: m.isPending, error: m.error ?? undefined, run, clear: reset };
}
