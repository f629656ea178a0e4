import { Button, Flex, Form, Input, Popconfirm, Table } from 'antd';
import { api } from '../../api/client.ts';
import type { Role, User } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { RoleSelect } from './role-select.tsx';

const userPath = (u: string) => `/api/v1/users/${encodeURIComponent(u)}`;

/** Admins add users, change their role and remove them. */
export function UsersAdmin() {
  const { t } = useI18n();
  const state = useApi('/api/v1/users');
  const action = useAction();
  const [form] = Form.useForm<{ username: string; password: string; role: Role }>();
  const change = async (fn: () => Promise<unknown>) => (await action.run(fn)) && state.reload();
  return (
    <Flex vertical gap={12}>
      {action.error && <ProblemAlert error={action.error} />}
      <Loadable state={state}>
        {(d) => (
          <Table<User>
            size="small"
            rowKey="username"
            pagination={false}
            dataSource={d.users}
            columns={[
              { title: t('settings.username'), dataIndex: 'username' },
              {
                title: t('settings.role'),
                render: (_, u) => (
                  <RoleSelect
                    value={u.role}
                    onChange={(role) => change(() => api.patch(userPath(u.username), { role }))}
                  />
                ),
              },
              {
                title: '',
                render: (_, u) => (
                  <Popconfirm
                    title={t('settings.confirm')}
                    onConfirm={() => change(() => api.del(userPath(u.username)))}
                  >
                    <Button danger size="small">
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      <Form
        form={form}
        layout="inline"
        initialValues={{ role: 'viewer' }}
        onFinish={(v) => change(() => api.post('/api/v1/users', { json: v })).then(() => form.resetFields())}
      >
        <Form.Item name="username" rules={[{ required: true, message: t('login.required') }]}>
          <Input placeholder={t('settings.username')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, message: t('login.required') }]}>
          <Input.Password placeholder={t('settings.password')} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role">
          <RoleSelect />
        </Form.Item>
        <Button htmlType="submit" loading={action.busy}>
          {t('settings.addUser')}
        </Button>
      </Form>
    </Flex>
  );
}
