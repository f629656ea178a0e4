import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import type { CaseRow, CasesQuery, Page } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CaseStageTag } from './case-stage-tag.tsx';

export type CaseSort = NonNullable<CasesQuery['sort']>;
export interface CaseOrder {
  sort: CaseSort;
  order: 'asc' | 'desc';
}

/**
 * Due times come with the SLA work (optional here): a row shows its resolution target when the API sends one,
 * red once it is past while the case is open.
 */
type WithDue = CaseRow & { resolution_due?: string | null };
const overdue = (r: WithDue, now: number) =>
  !!r.resolution_due && !r.closed_at && r.stage !== 'cancelled' && Date.parse(r.resolution_due) < now;

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
  data: Page<CaseRow>;
  order?: CaseOrder;
  onPage: (page: number, pageSize: number) => void;
  onSort?: (order: CaseOrder | undefined) => void;
  withCustomer?: boolean;
}) {
  const { t, fmt, term } = useI18n();
  const now = Date.now();
  const sortable = (key: CaseSort) => (onSort ? { sorter: true, sortOrder: sortOrder(order, key), key } : {});
  const showDue = data.rows.some((r: WithDue) => r.resolution_due !== undefined);
  const columns: TableColumnsType<WithDue> = [
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
            render: (_: unknown, r: WithDue) => (
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
            render: (_: unknown, r: WithDue) =>
              overdue(r, now) ? (
                <Tag color="red" data-testid="overdue">
                  {t('cases.overdue')} · {fmt.date(r.resolution_due, true)}
                </Tag>
              ) : (
                fmt.date(r.resolution_due, true)
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<WithDue>
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
