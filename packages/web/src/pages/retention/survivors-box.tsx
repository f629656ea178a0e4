import { Button, Card, Flex, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { SbgResult } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Projection } from './projection.tsx';

type PeriodUnit = 'month' | 'year';

/** Counts as pasted from a spreadsheet (a column or a row): separated by commas, semicolons, spaces, tabs or lines. */
const tokens = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/**
 * Survivor counts typed in or pasted (what many managers have), fitted by the server and projected: nothing
 * about the workspace is read or stored. The server checks the counts (at least three, never rising).
 */
export function SurvivorsBox() {
  const { t, term } = useI18n();
  const [text, setText] = useState('');
  const [unit, setUnit] = useState<PeriodUnit>('year');
  const [result, setResult] = useState<SbgResult>();
  const action = useAction();
  const bad = tokens(text).find((x) => !Number.isFinite(Number(x)));
  const fit = () =>
    action.run(async () =>
      setResult(
        await api.post<SbgResult>('/api/v1/models/sbg/survivors', {
          json: { survivors: tokens(text).map(Number), unit },
        }),
      ),
    );
  return (
    <Card title={t('retention.survivors')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('retention.survivorsHelp')}</Typography.Text>
        <Input.TextArea
          aria-label={t('retention.survivors')}
          data-testid="survivors"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="1000, 869, 743, 653, 593, 551, 517, 491"
        />
        <Flex gap={12} align="center" wrap>
          <Segmented<PeriodUnit>
            aria-label={t('survival.unit')}
            value={unit}
            onChange={setUnit}
            options={(['year', 'month'] as const).map((u) => ({ value: u, label: term('timeUnit', u) }))}
          />
          <Button
            data-testid="survivors-fit"
            type="primary"
            disabled={!text.trim() || !!bad}
            loading={action.busy}
            onClick={fit}
          >
            {t('models.fit')}
          </Button>
          {bad && <Typography.Text type="danger">{t('retention.survivorsBad', { value: bad })}</Typography.Text>}
        </Flex>
        {action.error && <ProblemAlert error={action.error} />}
        {result && !action.error && <Projection p={result} />}
      </Flex>
    </Card>
  );
}
