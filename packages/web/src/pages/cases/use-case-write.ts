import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { invalidate } from '../../api/use-api.ts';

/** The writes of a case page: each `POST /cases/:id/<what>`. */
export type CaseWrite = 'moves' | 'assign' | 'comments' | 'reopen' | 'cancel';

/**
 * Every write of a case page, sent with the version the page read: if someone else changed the case meanwhile,
 * the server refuses it (409 TEN_CASE_STALE) and `stale` is the case's current version, for the page to say so
 * and offer a reload. The forms' values live outside this hook, so nothing typed is lost on a refusal.
 * @example const w = useCaseWrite(id, c.version, reload); w.write('comments', { note })
 */
export function useCaseWrite(id: string, version: number | undefined, onWritten: () => void) {
  const action = useAction();
  const write = (what: CaseWrite, body: Record<string, unknown>) =>
    action.run(async () => {
      await api.post(`/api/v1/cases/${encodeURIComponent(id)}/${what}`, { json: { ...body, version } });
      invalidate('/api/v1/cases');
      onWritten();
    });
  const p = action.error?.problem;
  return {
    write,
    busy: action.busy,
    error: action.error,
    stale: p?.code === 'TEN_CASE_STALE' ? (p.version ?? null) : undefined,
    clear: action.clear,
  };
}
