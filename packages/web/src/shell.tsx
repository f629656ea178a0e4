import { Button, Flex, Layout, Menu, Spin } from 'antd';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSettings } from './api/resources.ts';
import { useAuth } from './auth/auth.tsx';
import { LanguageSwitch } from './components/language-switch.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { routes } from './routes.ts';

const menuRoutes = Object.values(routes).filter((r) => 'nav' in r);

/** The menu entry a path belongs to: the longest route path that prefixes it (/customers/42 → /customers). */
const selectedKey = (pathname: string) =>
  menuRoutes
    .map((r) => r.path)
    .filter((p) => pathname === p || pathname.startsWith(p === '/' ? '/\0' : `${p}/`))
    .sort((a, b) => b.length - a.length)[0] ?? '/';

/** The signed-in frame: menu, language switch, user and sign-out; pages render inside. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, setCurrency } = useI18n();
  const { user, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const currency = useSettings().data?.currency;
  // Below the lg breakpoint the menu folds away; its button sits in the header, not over the page's title
  // (antd's own zero-width trigger floats over the content).
  const [narrow, setNarrow] = useState(false);
  const [folded, setFolded] = useState(false);
  useEffect(() => {
    if (currency) setCurrency(currency);
  }, [currency, setCurrency]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={folded}
        trigger={null}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setFolded(broken);
        }}
        theme="light"
        width={200}
      >
        <h1 style={{ padding: '16px 24px', margin: 0, fontSize: 20 }}>{t('app.name')}</h1>
        <Menu
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          onClick={(e) => {
            navigate(e.key);
            if (narrow) setFolded(true);
          }}
          items={menuRoutes.map((r) => ({ key: r.path, label: t(r.nav) }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px' }}>
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
            {narrow && (
              <Button data-testid="menu-toggle" onClick={() => setFolded((f) => !f)} style={{ marginRight: 'auto' }}>
                ☰ {t('header.menu')}
              </Button>
            )}
            <LanguageSwitch />
            <span data-testid="user">
              {user?.username} · {user && t(`role.${user.role}`)}
            </span>
            <Button onClick={logout}>{t('header.logout')}</Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin description={t('common.loading')} />}>{children}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
