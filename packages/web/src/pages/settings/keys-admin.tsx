import { Alert, Button, Flex, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ApiKey, Role } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { RoleSelect } from './role-select.tsx';

/** Admins create API keys for machines (the secret is shown once, here) and revoke them. */
export function KeysAdmin() {
  const { t, fmt, term } = useI18n();
  const state = useApi('/api/v1/keys');
  const action = useAction();
  const [secret, setSecret] = useState<string>();
  const [form] = Form.useForm<{ name: string; role: Role }>();
  const create = async (v: { name: string; role: Role }) => {
    const ok = await action.run(async () =>
      setSecret((await api.post<{ key: string }>('/api/v1/keys', { json: v })).key),
    );
    if (ok) {
      form.resetFields();
      state.reload();
    }
  };
  const revoke = async (id: string) =>
    (await action.run(() => api.del(`/api/v1/keys/${encodeURIComponent(id)}`))) && state.reload();
  return (
    <Flex vertical gap={12}>
      {action.error && <ProblemAlert error={action.error} />}
      {secret && (
        <Alert
          data-testid="new-key"
          type="success"
          showIcon
          closable={{ onClose: () => setSecret(undefined) }}
          title={t('settings.keyOnce')}
          description={
            <Typography.Text copyable code>
              {secret}
            </Typography.Text>
          }
        />
      )}
      <Loadable state={state}>
        {(d) => (
          <Table<ApiKey>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.keys}
            columns={[
              { title: t('settings.keyName'), dataIndex: 'name' },
              { title: t('settings.role'), render: (_, k) => term('role', k.role) },
              { title: t('settings.created'), render: (_, k) => fmt.date(k.created_at, true) },
              {
                title: '',
                render: (_, k) =>
                  k.revoked_at ? (
                    <Tag>{t('settings.revoked', { at: fmt.date(k.revoked_at, true) })}</Tag>
                  ) : (
                    <Popconfirm title={t('settings.confirm')} onConfirm={() => revoke(k.id)}>
                      <Button danger size="small">
                        {t('settings.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        )}
      </Loadable>
      <Form form={form} layout="inline" initialValues={{ role: 'analyst' }} onFinish={create}>
        <Form.Item name="name" rules={[{ required: true, message: t('login.required') }]}>
          <Input placeholder={t('settings.keyName')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role">
          <RoleSelect />
        </Form.Item>
        <Button htmlType="submit" loading={action.busy}>
          {t('settings.createKey')}
        </Button>
      </Form>
    </Flex>
  );
}
