import { Card, Tabs } from 'antd';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConfigForm } from './config-form.tsx';
import { KeysAdmin } from './keys-admin.tsx';
import { UsersAdmin } from './users-admin.tsx';

/** Churn definition and calendar, the language, and (for admins) users and API keys. */
export default function SettingsPage() {
  const { t } = useI18n();
  const admin = atLeast(useAuth().user, 'admin');
  const tabs = [
    { key: 'workspace', label: t('settings.churn'), children: <ConfigForm /> },
    {
      key: 'language',
      label: t('settings.language'),
      children: <LanguageSwitch />,
    },
    ...(admin
      ? [
          { key: 'users', label: t('settings.users'), children: <UsersAdmin /> },
          { key: 'keys', label: t('settings.keys'), children: <KeysAdmin /> },
        ]
      : []),
  ];
  return (
    <Page title={t('nav.settings')}>
      <Card>
        <Tabs items={tabs} />
      </Card>
    </Page>
  );
}
