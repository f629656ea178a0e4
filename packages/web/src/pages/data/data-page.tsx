import { Card, Tabs } from 'antd';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ImportWizard } from './import-wizard.tsx';
import { QualityScorecard } from './quality-scorecard.tsx';

/** Getting data in (the import wizard) and knowing how good it is (the scorecard). */
export default function DataPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  // Importing needs the analyst role; viewers see the scorecard only (the server refuses them either way).
  const tabs = [
    ...(atLeast(user, 'analyst') ? [{ key: 'import', label: t('data.import'), children: <ImportWizard /> }] : []),
    { key: 'quality', label: t('data.quality'), children: <QualityScorecard /> },
  ];
  return (
    <Page title={t('nav.data')}>
      <Card>
        <Tabs items={tabs} />
      </Card>
    </Page>
  );
}
