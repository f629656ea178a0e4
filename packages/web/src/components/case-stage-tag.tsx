import { Tag } from 'antd';
import type { CaseStage } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

const COLORS: Record<CaseStage, string> = {
  received: 'blue',
  diagnosed: 'cyan',
  planned: 'geekblue',
  implementing: 'purple',
  following_up: 'gold',
  closed: 'green',
  cancelled: 'default',
};

/** A case's stage by the handbook's name of its step. */
export function CaseStageTag({ stage }: { stage: CaseStage }) {
  const { term } = useI18n();
  return (
    <Tag color={COLORS[stage]} data-testid="case-stage">
      {term('caseStage', stage)}
    </Tag>
  );
}
