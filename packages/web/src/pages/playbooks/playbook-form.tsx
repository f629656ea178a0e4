import { caseKindLabels, casePriorityLabels, LANGS, type Lang } from '@tenure/core/present';
import { Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { BilingualFields } from '../../components/bilingual-fields.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Playbook, TriggerKind } from './types.ts';

const TRIGGER_KINDS: TriggerKind[] = [
  'risk_tier',
  'alert_rule',
  'nps_detractor',
  'failed_payment',
  'complaint_past_sla',
  'filter',
  'survey_answer',
];
/** The case kinds and priorities in the workflow's order, as its labels list them. */
const CASE_KINDS = Object.keys(caseKindLabels) as (keyof typeof caseKindLabels)[];
const CASE_PRIORITIES = Object.keys(casePriorityLabels) as (keyof typeof casePriorityLabels)[];
const TIERS = ['low', 'medium', 'high', 'critical'] as const;
const RULES = [
  'critical_risk',
  'tier_rise',
  'usage_drop',
  'complaint_past_sla',
  'nps_detractor',
  'failed_payment',
] as const;

type Pair = { en?: string; 'zh-CN'?: string };
/** The form's values: the definition, with a filter as lines of text. */
interface Values {
  id: string;
  name: Pair;
  enabled: boolean;
  language: Lang;
  kind: TriggerKind;
  tier?: string;
  rule?: string;
  within_days?: number;
  filter?: string;
  template: {
    kind: string;
    priority: string;
    subject: Pair;
    description?: Pair;
    checklist?: Pair[];
    due_in_days?: number | null;
  };
  owner?: string;
  team?: string;
}

const filled = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
const pairOf = (p: Pair | undefined) =>
  p && (filled(p.en) || filled(p['zh-CN'])) ? { en: p.en ?? '', 'zh-CN': p['zh-CN'] ?? '' } : undefined;

/** The definition the server takes, from the form: empty optional parts left out, for the server to check. */
function definitionOf(v: Values) {
  const trigger =
    v.kind === 'risk_tier'
      ? { kind: v.kind, tier: v.tier }
      : v.kind === 'alert_rule'
        ? { kind: v.kind, rule: v.rule }
        : v.kind === 'nps_detractor' || v.kind === 'failed_payment'
          ? { kind: v.kind, within_days: v.within_days ?? 30 }
          : v.kind === 'filter'
            ? {
                kind: v.kind,
                filter: (v.filter ?? '')
                  .split('\n')
                  .map((l) => l.trim())
                  .filter(Boolean),
              }
            : { kind: v.kind };
  const t = v.template;
  return {
    id: v.id,
    name: { en: v.name.en ?? '', 'zh-CN': v.name['zh-CN'] ?? '' },
    enabled: v.enabled,
    language: v.language,
    trigger,
    template: {
      kind: t.kind,
      priority: t.priority,
      subject: { en: t.subject.en ?? '', 'zh-CN': t.subject['zh-CN'] ?? '' },
      ...(pairOf(t.description) ? { description: pairOf(t.description) } : {}),
      checklist: (t.checklist ?? []).map(pairOf).filter(Boolean),
      ...(t.due_in_days ? { due_in_days: t.due_in_days } : {}),
    },
    owner_rule: {
      ...(filled(v.owner) ? { owner: filled(v.owner) } : {}),
      ...(filled(v.team) ? { team: filled(v.team) } : {}),
    },
  };
}

/** The form's values of a stored playbook, or of a new one. */
function valuesOf(p: Playbook | null): Values {
  if (!p)
    return {
      id: '',
      name: {},
      enabled: true,
      language: 'zh-CN',
      kind: 'risk_tier',
      tier: 'high',
      within_days: 30,
      template: { kind: 'retention', priority: 'normal', subject: {}, checklist: [] },
    };
  const tr = p.trigger;
  return {
    id: p.id,
    name: p.name,
    enabled: p.enabled,
    language: p.language,
    kind: tr.kind,
    tier: tr.kind === 'risk_tier' ? tr.tier : 'high',
    rule: tr.kind === 'alert_rule' ? tr.rule : undefined,
    within_days: tr.kind === 'nps_detractor' || tr.kind === 'failed_payment' ? tr.within_days : 30,
    filter: tr.kind === 'filter' ? tr.filter.join('\n') : undefined,
    template: { ...p.template, due_in_days: p.template.due_in_days ?? null },
    owner: p.owner_rule.owner,
    team: p.owner_rule.team,
  };
}

/**
 * Add or change a playbook: its trigger, case template and owner rule. The server checks the whole definition
 * (a tier, rule, field, owner or team it does not know is refused by name) and a change names the version it
 * was read at, so an admin never writes over another's change unseen.
 */
export function PlaybookForm({
  playbook,
  onSaved,
  onCancel,
}: {
  playbook: Playbook | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, lang, freeTerm } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? valuesOf(playbook).kind;
  const action = useAction();
  const required = [{ required: true, message: t('login.required') }];
  const save = async (v: Values) => {
    const def = definitionOf(v);
    const ok = await action.run(() =>
      playbook
        ? api.put(`/api/v1/playbooks/${encodeURIComponent(playbook.id)}`, {
            ...def,
            id: undefined,
            version: playbook.version,
          })
        : api.post('/api/v1/playbooks', { json: def }),
    );
    if (ok) onSaved();
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={valuesOf(playbook)}
      onFinish={save}
      data-testid="playbook-form"
    >
      {action.error && <ProblemAlert error={action.error} />}
      <Divider titlePlacement="start">{t('playbooks.section.playbook')}</Divider>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('playbooks.field.id')} name="id" rules={required}>
            <Input aria-label={t('playbooks.field.id')} disabled={!!playbook} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('playbooks.field.language')} name="language">
            <Select
              aria-label={t('playbooks.field.language')}
              options={LANGS.map((l) => ({ value: l, label: t(`playbooks.lang.${l}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('playbooks.field.enabled')} name="enabled" valuePropName="checked">
            <Switch aria-label={t('playbooks.field.enabled')} />
          </Form.Item>
        </Col>
      </Row>
      <BilingualFields name={['name']} en="playbooks.field.nameEn" zh="playbooks.field.nameZh" />
      <Divider titlePlacement="start">{t('playbooks.section.trigger')}</Divider>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('playbooks.field.kind')} name="kind">
            <Select
              aria-label={t('playbooks.field.kind')}
              options={TRIGGER_KINDS.map((k) => ({ value: k, label: t(`playbooks.trigger.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {kind === 'risk_tier' && (
            <Form.Item label={t('playbooks.field.tier')} name="tier">
              <Select
                aria-label={t('playbooks.field.tier')}
                options={TIERS.map((x) => ({ value: x, label: freeTerm('tier', x) }))}
              />
            </Form.Item>
          )}
          {kind === 'alert_rule' && (
            <Form.Item label={t('playbooks.field.rule')} name="rule" rules={required}>
              <Select
                aria-label={t('playbooks.field.rule')}
                options={RULES.map((x) => ({ value: x, label: freeTerm('rule', x) }))}
              />
            </Form.Item>
          )}
          {(kind === 'nps_detractor' || kind === 'failed_payment') && (
            <Form.Item label={t('playbooks.field.withinDays')} name="within_days">
              <InputNumber aria-label={t('playbooks.field.withinDays')} min={1} max={3650} />
            </Form.Item>
          )}
          {kind === 'filter' && (
            <Form.Item label={t('playbooks.field.filter')} name="filter" rules={required}>
              <Input.TextArea aria-label={t('playbooks.field.filter')} rows={3} placeholder="region=north" />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('playbooks.section.template')}</Divider>
      <Row gutter={12}>
        <Col xs={12} md={8}>
          <Form.Item label={t('playbooks.field.caseKind')} name={['template', 'kind']}>
            <Select
              aria-label={t('playbooks.field.caseKind')}
              options={CASE_KINDS.map((k) => ({ value: k, label: caseKindLabels[k][lang] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('playbooks.field.priority')} name={['template', 'priority']}>
            <Select
              aria-label={t('playbooks.field.priority')}
              options={CASE_PRIORITIES.map((k) => ({ value: k, label: casePriorityLabels[k][lang] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('playbooks.field.dueInDays')} name={['template', 'due_in_days']}>
            <InputNumber aria-label={t('playbooks.field.dueInDays')} min={1} max={3650} />
          </Form.Item>
        </Col>
      </Row>
      <BilingualFields name={['template', 'subject']} en="playbooks.field.subjectEn" zh="playbooks.field.subjectZh" />
      <BilingualFields
        name={['template', 'description']}
        en="playbooks.field.descriptionEn"
        zh="playbooks.field.descriptionZh"
        long
      />
      <Form.Item label={t('playbooks.field.checklist')}>
        <Form.List name={['template', 'checklist']}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'en']} noStyle>
                    <Input
                      placeholder={t('playbooks.field.stepEn')}
                      aria-label={t('playbooks.field.stepEn')}
                      style={{ width: 260 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'zh-CN']} noStyle>
                    <Input
                      placeholder={t('playbooks.field.stepZh')}
                      aria-label={t('playbooks.field.stepZh')}
                      style={{ width: 260 }}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('common.delete')}</Button>
                </Flex>
              ))}
              <Button onClick={() => add({ en: '', 'zh-CN': '' })} style={{ alignSelf: 'flex-start' }}>
                {t('playbooks.field.addStep')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Divider titlePlacement="start">{t('playbooks.section.owner')}</Divider>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('playbooks.field.owner')} name="owner">
            <Input aria-label={t('playbooks.field.owner')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('playbooks.field.team')} name="team">
            <Input aria-label={t('playbooks.field.team')} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
