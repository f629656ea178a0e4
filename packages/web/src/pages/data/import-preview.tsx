import { Alert, Flex, Table, Typography } from 'antd';
import type { ImportSummary, ImportPreview as Preview } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Problem = ImportSummary['problems'][number];

/** Whether the import would load, leave rows out, or be refused at the chosen reject limit, in numbers. */
function Verdict({ preview, summary }: { preview: Preview; summary: ImportSummary }) {
  const { t, fmt } = useI18n();
  if (summary.rows_rejected === 0) return null;
  const vars = {
    rejected: fmt.number(summary.rows_rejected, 0),
    read: fmt.number(summary.rows_read, 0),
    good: fmt.number(summary.rows_read - summary.rows_rejected, 0),
    rate: fmt.value('ratio', summary.rows_rejected / Math.max(summary.rows_read, 1)),
    max: fmt.value('ratio', preview.max_reject_rate),
  };
  return preview.refused ? (
    <Alert type="error" showIcon data-testid="import-would-refuse" title={t('import.wouldRefuse', vars)} />
  ) : (
    <Alert type="info" showIcon data-testid="import-will-skip" title={t('import.willSkip', vars)} />
  );
}

/** What a dry run found: the verdict, the problems by kind and column, and the first rows as they would load. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const { t, fmt, freeTerm, field } = useI18n();
  const summary = preview.summary;
  if (preview.missing.length > 0)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="import-missing"
        title={t('import.missing', { fields: preview.missing.map(field).join(', ') })}
      />
    );
  if (!summary) return null;
  const rows = summary.preview ?? [];
  const columns = Object.keys(rows[0] ?? {});
  // Kept columns go by the header the file gave them, not their attribute column name (attr_5).
  const headerOf = new Map(summary.extras.map((x) => [x.column, x.header]));
  return (
    <Flex vertical gap={16}>
      <Verdict preview={preview} summary={summary} />
      {summary.problems.length > 0 && (
        <>
          <Typography.Title level={5}>{t('import.problems')}</Typography.Title>
          <Table<Problem>
            size="small"
            data-testid="import-problems"
            rowKey={(p) => `${p.code}:${p.column}`}
            pagination={false}
            dataSource={summary.problems}
            columns={[
              { title: t('import.message'), render: (_, p) => freeTerm('rowCode', p.code) },
              { title: t('import.column'), dataIndex: 'column' },
              { title: t('import.problemCount'), align: 'right', render: (_, p) => fmt.number(p.count, 0) },
              { title: t('import.firstLine'), dataIndex: 'first_line' },
              { title: t('import.example'), dataIndex: 'example' },
            ]}
          />
        </>
      )}
      {columns.length > 0 && (
        <>
          <Typography.Title level={5}>{t('import.previewRows')}</Typography.Title>
          <Table
            size="small"
            scroll={{ x: true }}
            pagination={false}
            dataSource={rows.map((row, key) => ({ key, row }))}
            columns={columns.map((c) => ({
              title: headerOf.get(c) ?? field(c),
              render: (_, r) => String(r.row[c] ?? ''),
            }))}
          />
        </>
      )}
    </Flex>
  );
}
