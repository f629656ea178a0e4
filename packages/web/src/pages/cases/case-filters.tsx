import { Card, Input, Select, Space } from 'antd';
import type { CaseRow } from '../../api/types.ts';
import { CASE_KINDS, CASE_PRIORITIES } from '../../components/case-terms.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Kinds = CaseRow['kind'][];
type Priorities = CaseRow['priority'][];

/** The inbox's filters that the URL keeps: each a key of the list's query. */
export interface CaseFilters {
  kind: Kinds;
  priority: Priorities;
  owner?: string;
  q?: string;
}

/**
 * Kind, priority, owner and words of the subject; a change goes back to the list's first page (the caller's). The
 * owner is off while the view names it (Mine).
 */
export function CaseFilterBar({
  value,
  onChange,
  ownerSet,
}: {
  value: CaseFilters;
  onChange: (f: CaseFilters) => void;
  ownerSet: boolean;
}) {
  const { t, term } = useI18n();
  return (
    <Card size="small">
      <Space wrap>
        <Select<Kinds>
          mode="multiple"
          allowClear
          aria-label={t('caseField.kind')}
          placeholder={t('caseField.kind')}
          style={{ minWidth: 180 }}
          value={value.kind}
          onChange={(kind) => onChange({ ...value, kind })}
          options={CASE_KINDS.map((k) => ({ value: k, label: term('caseKind', k) }))}
        />
        <Select<Priorities>
          mode="multiple"
          allowClear
          aria-label={t('caseField.priority')}
          placeholder={t('caseField.priority')}
          style={{ minWidth: 160 }}
          value={value.priority}
          onChange={(priority) => onChange({ ...value, priority })}
          options={CASE_PRIORITIES.map((p) => ({ value: p, label: term('casePriority', p) }))}
        />
        <Input.Search
          allowClear
          aria-label={t('caseField.owner')}
          placeholder={t('caseField.owner')}
          defaultValue={value.owner}
          disabled={ownerSet}
          onSearch={(owner) => onChange({ ...value, owner: owner.trim() || undefined })}
          style={{ width: 180 }}
        />
        <Input.Search
          allowClear
          aria-label={t('cases.search')}
          placeholder={t('cases.search')}
          defaultValue={value.q}
          onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
          style={{ width: 260 }}
        />
      </Space>
    </Card>
  );
}
