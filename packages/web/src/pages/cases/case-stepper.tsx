import { Steps } from 'antd';
import type { CaseEvent, CaseRow } from '../../api/types.ts';
import { STEPS } from '../../components/case-terms.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The handbook's five steps and closing, with the case's place among them. A cancelled case shows the step it
 * was cancelled at, marked as stopped (the cancel event says where it was).
 */
export function CaseStepper({ row, events }: { row: CaseRow; events: CaseEvent[] }) {
  const { term } = useI18n();
  const at =
    row.stage === 'cancelled' ? (events.find((e) => e.action === 'cancelled')?.from_stage ?? 'received') : row.stage;
  const status = row.stage === 'cancelled' ? 'error' : row.stage === 'closed' ? 'finish' : 'process';
  return (
    <Steps
      data-testid="case-steps"
      current={STEPS.indexOf(at)}
      status={status}
      items={STEPS.map((s) => ({ key: s, title: term('caseStage', s) }))}
    />
  );
}
