import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Col, Flex, Form, InputNumber, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { type ApiError, api, asApiError } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { PowerQuestion, PowerResult } from './types.ts';

type Mode = 'sample_size' | 'mde';

/** The question the inputs ask, or null while one is empty. Percent inputs become shares. */
function questionOf(
  mode: Mode,
  baseline: number | null,
  effect: number | null,
  size: number | null,
  holdout: number | undefined,
): PowerQuestion | null {
  if (baseline === null || (mode === 'sample_size' ? effect === null : size === null)) return null;
  return {
    baseline: baseline / 100,
    ...(mode === 'sample_size' ? { effect: (effect ?? 0) / 100 } : { size: size ?? 0 }),
    ...(holdout ? { holdout_share: holdout } : {}),
  };
}

/**
 * The power calculation beside the design: the customers needed for a baseline churn and the smallest reduction
 * worth detecting, or the smallest reduction the planned size detects. The server computes it (core's formula)
 * as the user types, once per pause, with the design's control group share. Its inputs are form items but not
 * form values: the calculation is advice, never part of the design sent.
 */
export function PowerPanel({ holdout }: { holdout: number | undefined }) {
  const { t, fmt } = useI18n();
  const [mode, setMode] = useState<Mode>('sample_size');
  const [baseline, setBaseline] = useState<number | null>(20);
  const [effect, setEffect] = useState<number | null>(5);
  const [size, setSize] = useState<number | null>(2000);
  const question = useDebounced(questionOf(mode, baseline, effect, size, holdout), 300);
  // A POST that only computes: a query keyed by its body, so an answer arriving late never overwrites a newer one.
  const state = useQuery<PowerResult, ApiError>({
    queryKey: ['/api/v1/campaigns/power', question],
    queryFn: () =>
      api
        .post<PowerResult>('/api/v1/campaigns/power', { json: question })
        .catch((e: unknown) => Promise.reject(asApiError(e))),
    enabled: question !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const r = state.data;
  const input = (label: Parameters<typeof t>[0], value: number | null, set: (v: number | null) => void, step = 1) => (
    <Form.Item label={t(label)}>
      <InputNumber aria-label={t(label)} style={{ width: '100%' }} min={0} step={step} value={value} onChange={set} />
    </Form.Item>
  );
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
          { value: 'sample_size', label: t('power.mode.size') },
          { value: 'mde', label: t('power.mode.mde') },
        ]}
      />
      <Row gutter={12}>
        <Col xs={24} md={12}>
          {input('power.baseline', baseline, setBaseline)}
        </Col>
        <Col xs={24} md={12}>
          {mode === 'sample_size'
            ? input('power.effect', effect, setEffect, 0.5)
            : input('power.planned', size, setSize, 100)}
        </Col>
      </Row>
      {state.error ? (
        <ProblemAlert error={state.error} />
      ) : (
        r &&
        r.solved_for === mode && (
          <Alert
            type="info"
            data-testid="power-result"
            title={
              r.solved_for === 'sample_size'
                ? t('power.sizeResult', {
                    total: fmt.number(r.total, 0),
                    treatment: fmt.number(r.treatment, 0),
                    control: fmt.number(r.control, 0),
                  })
                : t('power.mdeResult', {
                    total: fmt.number(r.total, 0),
                    mde: t('unit.pp', { n: fmt.number(100 * r.effect, 1) }),
                    baseline: fmt.value('ratio', r.baseline),
                    to: fmt.value('ratio', r.baseline - r.effect),
                  })
            }
          />
        )
      )}
    </Flex>
  );
}
