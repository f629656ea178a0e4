import { Card, Timeline, Typography } from 'antd';
import type { CaseEvent, Settings } from '../../api/types.ts';
import { caseFieldLabel, caseFieldValue } from '../../components/case-field-value.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const COLORS: Record<CaseEvent['action'], string> = {
  created: 'blue',
  moved: 'green',
  assigned: 'gray',
  edited: 'gray',
  commented: 'gray',
  reopened: 'orange',
  cancelled: 'red',
};

/** Columns an event sets as bookkeeping: the stage shows as from → to, the times as the event's own. */
const BOOKKEEPING = new Set(['stage', 'stage_at', 'opened_at', 'closed_at', 'updated_at', 'reopen_count', 'version']);

/** The fields worth reading in an event: the opening lists what it was given, not every empty column. */
const shownFields = (e: CaseEvent) =>
  Object.entries(e.fields).filter(([k, v]) => !BOOKKEEPING.has(k) && !(e.action === 'created' && v === null));

/**
 * Every change of the case, newest first: what was done, from which stage to which, by whom and when, the fields
 * it set and its note. Everything a person wrote is rendered as text.
 */
export function CaseTimeline({ events, config }: { events: CaseEvent[]; config: Settings['cases'] | undefined }) {
  const i18n = useI18n();
  const { t, term, fmt } = i18n;
  return (
    <Card title={t('case.timeline')} data-testid="case-timeline">
      <Timeline
        items={events.map((e) => ({
          key: e.version,
          color: COLORS[e.action],
          content: (
            <div data-testid="case-event">
              <Typography.Text strong>{term('caseAction', e.action)}</Typography.Text>
              {e.to_stage && e.from_stage !== e.to_stage && (
                <Typography.Text data-testid="event-stages">
                  {' · '}
                  {e.from_stage ? `${term('caseStage', e.from_stage)} → ` : ''}
                  {term('caseStage', e.to_stage)}
                </Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmt.date(e.at, true)} · {t('case.actor', { actor: e.actor })}
                </Typography.Text>
              </div>
              {shownFields(e).map(([k, v]) => (
                <div key={k} style={{ whiteSpace: 'pre-wrap' }}>
                  <Typography.Text type="secondary">{caseFieldLabel(i18n, k)}: </Typography.Text>
                  {caseFieldValue(i18n, k, v, config)}
                </div>
              ))}
              {e.note && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="event-note">
                  {e.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
