import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { MessageKey } from './i18n/en.ts';

interface PageRoute {
  path: string;
  /** The menu entry's label; pages without one (a customer's 360) are reached by links. */
  nav?: MessageKey;
  Page: LazyExoticComponent<ComponentType>;
}

/**
 * Every page: one line each. Pages load on demand, so the first page's JavaScript carries no charts and no
 * other page's code.
 */
export const routes = {
  overview: { path: '/', nav: 'nav.overview', Page: lazy(() => import('./pages/overview/overview-page.tsx')) },
  trends: { path: '/trends', nav: 'nav.trends', Page: lazy(() => import('./pages/trends/trends-page.tsx')) },
  cohorts: { path: '/cohorts', nav: 'nav.cohorts', Page: lazy(() => import('./pages/cohorts/cohorts-page.tsx')) },
  segments: { path: '/segments', nav: 'nav.segments', Page: lazy(() => import('./pages/segments/segments-page.tsx')) },
  churnReasons: {
    path: '/churn-reasons',
    nav: 'nav.churnReasons',
    Page: lazy(() => import('./pages/churn-reasons/churn-reasons-page.tsx')),
  },
  survival: { path: '/survival', nav: 'nav.survival', Page: lazy(() => import('./pages/survival/survival-page.tsx')) },
  retention: {
    path: '/retention',
    nav: 'nav.retention',
    Page: lazy(() => import('./pages/retention/retention-page.tsx')),
  },
  competitors: {
    path: '/competitors',
    nav: 'nav.competitors',
    Page: lazy(() => import('./pages/competitors/competitors-page.tsx')),
  },
  value: { path: '/value', nav: 'nav.value', Page: lazy(() => import('./pages/value/value-page.tsx')) },
  operations: {
    path: '/operations',
    nav: 'nav.operations',
    Page: lazy(() => import('./pages/operations/operations-page.tsx')),
  },
  atRisk: { path: '/at-risk', nav: 'nav.atRisk', Page: lazy(() => import('./pages/at-risk/at-risk-page.tsx')) },
  model: { path: '/churn-model', nav: 'nav.model', Page: lazy(() => import('./pages/model/model-page.tsx')) },
  alerts: { path: '/alerts', nav: 'nav.alerts', Page: lazy(() => import('./pages/alerts/alerts-page.tsx')) },
  cases: { path: '/cases', nav: 'nav.cases', Page: lazy(() => import('./pages/cases/cases-page.tsx')) },
  case: { path: '/cases/:case_id', Page: lazy(() => import('./pages/cases/case-page.tsx')) },
  playbooks: {
    path: '/playbooks',
    nav: 'nav.playbooks',
    Page: lazy(() => import('./pages/playbooks/playbooks-page.tsx')),
  },
  campaigns: {
    path: '/campaigns',
    nav: 'nav.campaigns',
    Page: lazy(() => import('./pages/campaigns/campaigns-page.tsx')),
  },
  campaign: { path: '/campaigns/:campaign_id', Page: lazy(() => import('./pages/campaigns/campaign-page.tsx')) },
  surveys: { path: '/surveys', nav: 'nav.surveys', Page: lazy(() => import('./pages/surveys/surveys-page.tsx')) },
  survey: { path: '/surveys/:survey_id', Page: lazy(() => import('./pages/surveys/survey-page.tsx')) },
  voice: { path: '/voice', nav: 'nav.voice', Page: lazy(() => import('./pages/voice/voice-page.tsx')) },
  uplift: { path: '/uplift', nav: 'nav.uplift', Page: lazy(() => import('./pages/uplift/uplift-page.tsx')) },
  customers: {
    path: '/customers',
    nav: 'nav.customers',
    Page: lazy(() => import('./pages/customers/customers-page.tsx')),
  },
  customer: { path: '/customers/:id', Page: lazy(() => import('./pages/customers/customer-page.tsx')) },
  data: { path: '/data', nav: 'nav.data', Page: lazy(() => import('./pages/data/data-page.tsx')) },
  settings: { path: '/settings', nav: 'nav.settings', Page: lazy(() => import('./pages/settings/settings-page.tsx')) },
  notFound: { path: '*', Page: lazy(() => import('./pages/not-found/not-found-page.tsx')) },
} satisfies Record<string, PageRoute>;

/** The login page is not a route: it shows wherever a signed-out user lands. */
export const LoginPage = lazy(() => import('./pages/login/login-page.tsx'));

/** The public answer page of a survey link: outside the login and the dashboard's frame, at `/s/:token`. */
export const ANSWER_PATH = '/s/:token';
export const AnswerPage = lazy(() => import('./pages/answer/answer-page.tsx'));
