import { Alert, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ImportSummary, Page, RejectRow } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The counts an import reports, in reading order; each gets a test id (import-rows_loaded, …). */
const COUNTS = [
  ['rows_read', 'import.rowsRead'],
  ['rows_loaded', 'import.rowsLoaded'],
  ['rows_rejected', 'import.rowsRejected'],
  ['rows_new', 'import.rowsNew'],
  ['rows_updated', 'import.rowsUpdated'],
  ['rows_unchanged', 'import.rowsUnchanged'],
] as const satisfies readonly (readonly [keyof ImportSummary, MessageKey])[];

function Rejects({ jobId }: { jobId: string }) {
  const { t, freeTerm } = useI18n();
  const [page, setPage] = useState(1);
  const state = useApi<Page<RejectRow>>(`/api/v1/imports/${encodeURIComponent(jobId)}/rejects`, {
    page,
    page_size: 20,
  });
  return (
    <Table<RejectRow>
      size="small"
      data-testid="import-rejects"
      loading={state.loading}
      rowKey={(r) => `${r.line}:${r.column}:${r.code}`}
      dataSource={state.data?.rows}
      pagination={{ current: page, pageSize: 20, total: state.data?.total ?? 0, onChange: setPage }}
      columns={[
        { title: t('import.line'), dataIndex: 'line' },
        { title: t('import.column'), dataIndex: 'column' },
        { title: t('import.value'), dataIndex: 'value' },
        { title: t('import.message'), render: (_, r) => freeTerm('rowCode', r.code) },
      ]}
    />
  );
}

/** An import's outcome: rows read, loaded, rejected, new, updated and unchanged, then the rejected rows. */
export function ImportResult({ jobId, summary }: { jobId: string; summary: ImportSummary }) {
  const { t, fmt } = useI18n();
  return (
    <Flex vertical gap={16}>
      {summary.status === 'refused' && (
        <Alert
          type="error"
          showIcon
          data-testid="import-refused"
          title={t('import.refused')}
          description={t('hint.TEN_IMPORT_TOO_MANY_REJECTS')}
        />
      )}
      <Row gutter={[16, 16]}>
        {COUNTS.map(([key, label]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title={t(label)}
                value={summary[key]}
                formatter={(v) => <span data-testid={`import-${key}`}>{fmt.number(Number(v), 0)}</span>}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {summary.rows_rejected > 0 && (
        <>
          <Typography.Title level={5}>{t('import.rejects')}</Typography.Title>
          <Rejects jobId={jobId} />
        </>
      )}
    </Flex>
  );
}
