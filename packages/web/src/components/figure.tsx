import { Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * One headline figure: its title, the value as formatted text, and a line under it (its 95 % interval, what it is
 * made of). The test ids sit on the value and the line alone, so a test reads exactly what it checks.
 * @example <Figure title={t('campaign.roi')} value={fmt.value('ratio', roi)} note={fmt.interval('ratio', lo, hi)} testId="money-roi" />
 */
export function Figure({
  title,
  value,
  note,
  testId,
}: {
  title: ReactNode;
  value: string;
  note?: string;
  testId: string;
}) {
  return (
    <>
      <Statistic title={title} value={value} valueRender={() => <span data-testid={testId}>{value}</span>} />
      {note && (
        <Typography.Text type="secondary" data-testid={`${testId}-note`}>
          {note}
        </Typography.Text>
      )}
    </>
  );
}
