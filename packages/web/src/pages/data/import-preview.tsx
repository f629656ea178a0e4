import { Alert, Flex, Table, Typography } from 'antd';
import type { ImportSummary } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Problem = ImportSummary['problems'][number];

/** What a dry run found: how the file's columns map onto the table's fields, the extras, problems and first rows. */
export function ImportPreview({ summary }: { summary: ImportSummary }) {
  const { t, fmt } = useI18n();
  const preview = summary.preview ?? [];
  const columns = Object.keys(preview[0] ?? {});
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={5}>{t('import.mapping')}</Typography.Title>
      <Table
        size="small"
        data-testid="import-mapping"
        rowKey="field"
        pagination={false}
        dataSource={summary.mapping}
        columns={[
          { title: t('import.field'), dataIndex: 'field' },
          { title: t('import.header'), dataIndex: 'header' },
        ]}
      />
      {summary.extras.length > 0 && (
        <>
          <Typography.Title level={5}>{t('import.extras')}</Typography.Title>
          <Table
            size="small"
            rowKey="header"
            pagination={false}
            dataSource={summary.extras}
            columns={[
              { title: t('import.header'), dataIndex: 'header' },
              { title: t('import.field'), dataIndex: 'column' },
              { title: t('import.type'), dataIndex: 'type' },
            ]}
          />
        </>
      )}
      {summary.problems.length > 0 && (
        <>
          <Alert type="warning" showIcon title={t('import.problems')} />
          <Table<Problem>
            size="small"
            rowKey={(p) => `${p.code}:${p.column}`}
            pagination={false}
            dataSource={summary.problems}
            columns={[
              { title: t('import.code'), dataIndex: 'code' },
              { title: t('import.column'), dataIndex: 'column' },
              { title: t('import.problemCount'), align: 'right', render: (_, p) => fmt.number(p.count, 0) },
              { title: t('import.firstLine'), dataIndex: 'firstLine' },
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
            dataSource={preview.map((row, key) => ({ key, row }))}
            columns={columns.map((c) => ({ title: c, render: (_, r) => String(r.row[c] ?? '') }))}
          />
        </>
      )}
    </Flex>
  );
}
