import { Alert, Col, Flex, Form, InputNumber, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { PowerResult } from './types.ts';

type Mode = 'size' | 'mde';

/**
 * The power calculation beside the design: the customers needed for a baseline churn and the smallest reduction
 * worth detecting, or the smallest reduction the planned size detects. Recomputed by the server as the user types
 * (once per pause), with the design's control group share. Its inputs are the design form's items, not its
 * values: the calculation is advice, never part of the design sent.
 */
export function PowerPanel({ holdout, targetSize }: { holdout: number | undefined; targetSize?: number }) {
  const { t, fmt } = useI18n();
  const [mode, setMode] = useState<Mode>('size');
  const [baseline, setBaseline] = useState<number | null>(20);
  const [effect, setEffect] = useState<number | null>(5);
  const [planned, setPlanned] = useState<number | null>(targetSize ?? 2000);
  const query = useDebounced(
    {
      baseline: baseline === null ? null : baseline / 100,
      holdout: holdout ?? null,
      ...(mode === 'size' ? { mde: effect === null ? null : effect / 100 } : { n: planned }),
    },
    300,
  );
  const ready = query.baseline !== null && ('mde' in query ? query.mde !== null : query.n !== null);
  const state = useApi<PowerResult>(ready ? '/api/v1/campaigns/power' : null, query);
  const r = state.data;
  return (
    <Flex vertical gap={8} data-testid="power">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('power.intro')}
      </Typography.Paragraph>
      <Segmented<Mode>
        aria-label={t('power.mode')}
        value={mode}
        onChange={setMode}
        options={[
          { value: 'size', label: t('power.mode.size') },
          { value: 'mde', label: t('power.mode.mde') },
        ]}
      />
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('power.baseline')}>
            <InputNumber
              aria-label={t('power.baseline')}
              style={{ width: '100%' }}
              min={0.1}
              max={99.9}
              step={1}
              value={baseline}
              onChange={setBaseline}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {mode === 'size' ? (
            <Form.Item label={t('power.effect')}>
              <InputNumber
                aria-label={t('power.effect')}
                style={{ width: '100%' }}
                min={0.1}
                max={99.9}
                step={0.5}
                value={effect}
                onChange={setEffect}
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('power.planned')}>
              <InputNumber
                aria-label={t('power.planned')}
                style={{ width: '100%' }}
                min={2}
                step={100}
                value={planned}
                onChange={setPlanned}
              />
            </Form.Item>
          )}
        </Col>
      </Row>
      {state.error && <ProblemAlert error={state.error} />}
      {r && !state.error && (
        <Alert
          type="info"
          data-testid="power-result"
          title={
            mode === 'size'
              ? t('power.sizeResult', {
                  total: fmt.number(r.total, 0),
                  treatment: fmt.number(r.treatment, 0),
                  control: fmt.number(r.control, 0),
                })
              : t('power.mdeResult', {
                  total: fmt.number(r.total, 0),
                  mde: fmt.change('ratio', -r.mde),
                  baseline: fmt.value('ratio', r.baseline),
                  to: fmt.value('ratio', r.baseline - r.mde),
                })
          }
        />
      )}
    </Flex>
  );
}
