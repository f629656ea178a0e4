import { Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import type { CaseListRow, CasesQuery, Page } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CaseStageTag } from './case-stage-tag.tsx';

export type CaseSort = NonNullable<CasesQuery['sort']>;
export interface CaseOrder {
  sort: CaseSort;
  order: 'asc' | 'desc';
}

const sortOrder = (order: CaseOrder | undefined, key: CaseSort): SortOrder =>
  order?.sort === key ? (order.order === 'asc' ? 'ascend' : 'descend') : null;

/**
 * A page of cases as the server sorted and paged it, each linked to its case page. The sortable columns are the
 * API's sort keys; `onSort` gets the column's key (none: the server's default order).
 */
export function CaseTable({
  data,
  order,
  onPage,
  onSort,
  withCustomer = true,
}: {
  data: Page<CaseListRow>;
  order?: CaseOrder;
  onPage: (page: number, pageSize: number) => void;
  onSort?: (order: CaseOrder | undefined) => void;
  withCustomer?: boolean;
}) {
  const { t, fmt, term } = useI18n();
  const sortable = (key: CaseSort) => (onSort ? { sorter: true, sortOrder: sortOrder(order, key), key } : {});
  // A workspace without SLA policies gives no case a due time: no column then.
  const showDue = data.rows.some((r) => r.next_due !== null || r.resolution_due !== null);
  const columns: TableColumnsType<CaseListRow> = [
    {
      title: t('caseField.case_id'),
      ...sortable('case_id'),
      render: (_, r) => (
        <Link to={`/cases/${encodeURIComponent(r.case_id)}`} data-testid="case-link">
          {r.case_id}
        </Link>
      ),
    },
    {
      title: t('caseField.subject'),
      render: (_, r) => (
        <Typography.Text data-testid="case-subject" ellipsis style={{ maxWidth: 320 }}>
          {r.subject}
        </Typography.Text>
      ),
    },
    ...(withCustomer
      ? [
          {
            title: t('caseField.customer_id'),
            ...sortable('customer_id'),
            render: (_: unknown, r: CaseListRow) => (
              <Link to={`/customers/${encodeURIComponent(r.customer_id)}`}>{r.customer_id}</Link>
            ),
          },
        ]
      : []),
    { title: t('caseField.kind'), render: (_, r) => term('caseKind', r.kind) },
    { title: t('caseField.stage'), ...sortable('stage'), render: (_, r) => <CaseStageTag stage={r.stage} /> },
    { title: t('caseField.priority'), ...sortable('priority'), render: (_, r) => term('casePriority', r.priority) },
    {
      title: t('caseField.owner'),
      render: (_, r) => r.owner ?? <Typography.Text type="secondary">{t('cases.unassigned')}</Typography.Text>,
    },
    { title: t('caseField.opened_at'), ...sortable('opened_at'), render: (_, r) => fmt.date(r.opened_at, true) },
    { title: t('caseField.updated_at'), ...sortable('updated_at'), render: (_, r) => fmt.date(r.updated_at, true) },
    ...(showDue
      ? [
          {
            title: t('caseField.resolution_due'),
            ...sortable('due'),
            render: (_: unknown, r: CaseListRow) => <DueCell row={r} />,
          },
        ]
      : []),
  ];
  return (
    <Table<CaseListRow>
      data-testid="cases"
      size="small"
      rowKey="case_id"
      dataSource={data.rows}
      columns={columns}
      onChange={(_, __, sorter, extra) => {
        // Paging calls this too, with the sort unchanged: only a click on a column header sorts.
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        if (!onSort || !s || extra.action !== 'sort') return;
        const key = s.columnKey as CaseSort;
        onSort(s.order && key ? { sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' } : undefined);
      }}
      pagination={{
        current: data.page,
        pageSize: data.page_size,
        total: data.total,
        showTotal: (n) => t('common.total', { n: fmt.number(n, 0) }),
        onChange: onPage,
      }}
    />
  );
}

/**
 * The time that matters next on an open case (the first response's until met, then the resolution's), the
 * resolution's on a settled one, and the server's verdicts on them: overdue in red, a target missed in orange.
 */
function DueCell({ row }: { row: CaseListRow }) {
  const { t, fmt } = useI18n();
  const due = row.next_due ?? row.resolution_due;
  return (
    <Space size={4} wrap>
      {due ? fmt.date(due, true) : null}
      {row.overdue && (
        <Tag color="red" data-testid="overdue">
          {t('cases.overdue')}
        </Tag>
      )}
      {row.first_response_breached && !row.overdue && <Tag color="orange">{t('cases.lateResponse')}</Tag>}
      {row.resolution_breached && !row.overdue && (
        <Tag color="orange" data-testid="resolution-breached">
          {t('cases.breached')}
        </Tag>
      )}
    </Space>
  );
}
