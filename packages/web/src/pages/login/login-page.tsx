import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useAction } from '../../api/use-action.ts';
import { useAuth } from '../../auth/auth.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Username and password; a wrong password or the rate limit shows the server's problem (with Retry-After in its detail). */
export default function LoginPage() {
  const { t } = useI18n();
  const { login } = useAuth();
  const action = useAction();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Card style={{ width: 360 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => action.run(() => login(v.username, v.password))}
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {action.error && (
            <div style={{ marginBottom: 16 }}>
              <ProblemAlert error={action.error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" block loading={action.busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
