import { Flex, Select, Table, Tag, Typography } from 'antd';
import type { ImportPreview } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type FieldRow = ImportPreview['fields'][number];

/**
 * The mapping as a form: each field of the table with a choice of the file's columns, prefilled with the
 * automatic mapping; the columns no field takes are listed as the attributes they will become.
 */
export function MappingEditor({
  preview,
  onChange,
}: {
  preview: ImportPreview;
  onChange: (map: Record<string, string>) => void;
}) {
  const { t, field } = useI18n();
  const current = Object.fromEntries(preview.mapping.map((m) => [m.field, m.header]));
  const taken = new Set(Object.values(current));
  const kept = preview.columns.filter((c) => !taken.has(c) && !preview.summary?.dropped.includes(c));
  const choose = (name: string, header: string | undefined) => {
    // A column feeds one field: choosing it here takes it from the field that had it.
    const next = Object.fromEntries(Object.entries(current).filter(([, h]) => h !== header));
    if (header) next[name] = header;
    else delete next[name];
    onChange(next);
  };
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5}>{t('import.editMapping')}</Typography.Title>
      <Table<FieldRow>
        size="small"
        data-testid="import-mapping"
        rowKey="name"
        pagination={false}
        dataSource={preview.fields}
        columns={[
          {
            title: t('import.field'),
            render: (_, f) => (
              <>
                {field(f.name)}{' '}
                {f.required && (
                  <Tag color={preview.missing.includes(f.name) ? 'red' : 'default'}>{t('import.required')}</Tag>
                )}
              </>
            ),
          },
          {
            title: t('import.header'),
            render: (_, f) => (
              <Select
                aria-label={field(f.name)}
                data-testid={`map-${f.name}`}
                allowClear
                showSearch
                placeholder={t('import.chooseColumn')}
                status={preview.missing.includes(f.name) ? 'error' : undefined}
                style={{ minWidth: 200 }}
                value={current[f.name]}
                onChange={(h: string | undefined) => choose(f.name, h)}
                options={preview.columns.map((c) => ({ value: c, label: c }))}
              />
            ),
          },
        ]}
      />
      <Typography.Text data-testid="import-kept">
        {t('import.kept')}:{' '}
        {kept.length ? (
          kept.map((c) => <Tag key={c}>{c}</Tag>)
        ) : (
          <Typography.Text type="secondary">{t('import.keptNone')}</Typography.Text>
        )}
      </Typography.Text>
    </Flex>
  );
}
