import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AnalyseButton } from './analyse-button.tsx';
import { DriversTab } from './drivers-tab.tsx';
import { EmployeesTab } from './employees-tab.tsx';
import { ExitsTab } from './exits-tab.tsx';
import { TopicsTab } from './topics-tab.tsx';

const TABS = { topics: TopicsTab, drivers: DriversTab, exits: ExitsTab, employees: EmployeesTab } as const;
type TabKey = keyof typeof TABS;
const isTab = (k: string | null): k is TabKey => !!k && Object.hasOwn(TABS, k);

/**
 * Voice of the customer: what customers write, grouped into topics with their sentiment and churn lift; the
 * drivers of churn and of the survey scores; exit reasons for an analyst to confirm; the employee side. The tab
 * is kept in the address, so a link (from the customer 360's topics) opens the right one.
 */
export default function VoicePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab');
  const active: TabKey = isTab(tab) ? tab : 'topics';
  return (
    <Page title={t('voice.title')} extra={<AnalyseButton />}>
      <Typography.Paragraph type="secondary">{t('voice.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={(Object.keys(TABS) as TabKey[]).map((k) => {
          const Tab = TABS[k];
          return { key: k, label: t(`voice.tab.${k}`), children: <Tab /> };
        })}
      />
    </Page>
  );
}
