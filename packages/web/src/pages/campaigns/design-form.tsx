import { Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { useDimensions } from '../../api/resources.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PowerPanel } from './power-panel.tsx';
import type { CampaignDesign, NewCampaign, PrimaryMetric, Target } from './types.ts';

const TARGETS: Target['kind'][] = ['at_risk', 'risk_tier', 'filter', 'playbook'];
const TIERS = ['low', 'medium', 'high', 'critical'] as const;
const METRICS: PrimaryMetric[] = ['churned', 'retained_mrr', 'orders'];

/** The form's values: the design, with the holdout as a percent and a filter as lines of text. */
interface Values {
  id: string;
  name: string;
  kind?: string;
  target: Target['kind'];
  tier: (typeof TIERS)[number];
  filter?: string;
  playbook?: string;
  holdout_percent: number;
  seed: number;
  strata?: string;
  cost_per_contact: number;
  fixed_cost: number;
  outcome_window_days: number;
  primary_metric: PrimaryMetric;
}

// The workspace's defaults (the campaigns section of its config): half held out, a 90-day window.
const initial: Omit<Values, 'id' | 'name'> = {
  target: 'at_risk',
  tier: 'high',
  holdout_percent: 50,
  seed: 1,
  cost_per_contact: 0,
  fixed_cost: 0,
  outcome_window_days: 90,
  primary_metric: 'churned',
};

/** The design the server takes, from the form: the target as its kind and what it needs, shares as fractions. */
function designOf(v: Values): CampaignDesign {
  const lines = (s: string | undefined) =>
    (s ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const target: Target =
    v.target === 'risk_tier'
      ? { kind: v.target, tier: v.tier }
      : v.target === 'filter'
        ? { kind: v.target, filter: lines(v.filter) }
        : v.target === 'playbook'
          ? { kind: v.target, playbook: v.playbook ?? '' }
          : { kind: v.target };
  return {
    id: v.id.trim(),
    name: v.name.trim(),
    ...(v.kind?.trim() ? { kind: v.kind.trim() } : {}),
    target,
    holdout_share: v.holdout_percent / 100,
    seed: v.seed,
    ...(v.strata ? { strata: v.strata } : {}),
    cost_per_contact: v.cost_per_contact,
    fixed_cost: v.fixed_cost,
    outcome_window_days: v.outcome_window_days,
    primary_metric: v.primary_metric,
  };
}

/**
 * Design a campaign: whom it targets, the control group's share and the seed of the random draw (balanced within
 * risk tiers and, when chosen, a dimension), its costs, the outcome window and primary metric, with the power
 * calculation beside it. The server draws the groups once, when it creates the campaign.
 */
export function DesignForm({ onCreated, onCancel }: { onCreated: (c: NewCampaign) => void; onCancel: () => void }) {
  const { t, term, field, text } = useI18n();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? initial.target;
  const holdout = Form.useWatch('holdout_percent', form);
  const dimensions = useDimensions();
  const playbooks = useApi('/api/v1/playbooks').data?.playbooks ?? [];
  const action = useAction();
  const required = [{ required: true, message: t('login.required') }];
  const create = (v: Values) =>
    action.run(async () => onCreated(await api.post<NewCampaign>('/api/v1/campaigns', { json: designOf(v) })));
  const number = (name: keyof Values, label: Parameters<typeof t>[0], props: { min?: number; max?: number }) => (
    <Form.Item label={t(label)} name={name} rules={required}>
      <InputNumber aria-label={t(label)} style={{ width: '100%' }} {...props} />
    </Form.Item>
  );
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={create} data-testid="design-form">
      {action.error && <ProblemAlert error={action.error} />}
      <Divider titlePlacement="start">{t('design.section.campaign')}</Divider>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('design.id')} name="id" rules={required}>
            <Input aria-label={t('design.id')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('design.name')} name="name" rules={required}>
            <Input aria-label={t('design.name')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('design.kind')} name="kind">
            <Input aria-label={t('design.kind')} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('design.section.target')}</Divider>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('design.target')} name="target">
            <Select
              aria-label={t('design.target')}
              options={TARGETS.map((k) => ({ value: k, label: term('design.target', k) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {target === 'risk_tier' && (
            <Form.Item label={t('design.tier')} name="tier">
              <Select
                aria-label={t('design.tier')}
                options={TIERS.map((x) => ({ value: x, label: term('tier', x) }))}
              />
            </Form.Item>
          )}
          {target === 'filter' && (
            <Form.Item label={t('design.filter')} name="filter" rules={required}>
              <Input.TextArea aria-label={t('design.filter')} rows={3} placeholder="region=north" />
            </Form.Item>
          )}
          {target === 'playbook' && (
            <Form.Item label={t('design.playbook')} name="playbook" rules={required}>
              <Select
                aria-label={t('design.playbook')}
                options={playbooks.map((p) => ({ value: p.id, label: text(p.name) }))}
              />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('design.section.assignment')}</Divider>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          {number('holdout_percent', 'design.holdout', { min: 1, max: 99 })}
        </Col>
        <Col xs={12} md={6}>
          {number('seed', 'design.seed', { min: 0 })}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('design.stratifyBy')} name="strata">
            <Select
              allowClear
              aria-label={t('design.stratifyBy')}
              options={dimensions.map((d) => ({ value: d, label: field(d) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('design.assignedOnce')}</Typography.Paragraph>
      <Divider titlePlacement="start">{t('design.section.costs')}</Divider>
      <Row gutter={12}>
        <Col xs={12}>{number('cost_per_contact', 'design.costPerContact', { min: 0 })}</Col>
        <Col xs={12}>{number('fixed_cost', 'design.fixedCost', { min: 0 })}</Col>
      </Row>
      <Divider titlePlacement="start">{t('design.section.outcome')}</Divider>
      <Row gutter={12}>
        <Col xs={12}>{number('outcome_window_days', 'design.window', { min: 1, max: 3650 })}</Col>
        <Col xs={12}>
          <Form.Item label={t('design.metric')} name="primary_metric">
            <Select
              aria-label={t('design.metric')}
              options={METRICS.map((m) => ({ value: m, label: term('design.metric', m) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('design.section.power')}</Divider>
      <PowerPanel holdout={holdout === undefined || holdout === null ? undefined : holdout / 100} />
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={action.busy} data-testid="design-create">
          {t('design.create')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
