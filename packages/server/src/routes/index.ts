import type { Access, RouteGroup } from '../route.ts';
import { alerts } from './alerts.ts';
import { audit } from './audit.ts';
import { auth } from './auth.ts';
import { campaigns } from './campaigns.ts';
import { cases } from './cases.ts';
import { churn } from './churn.ts';
import { clv } from './clv.ts';
import { competitors } from './competitors.ts';
import { customers } from './customers.ts';
import { dashboard } from './dashboard.ts';
import { events } from './events.ts';
import { health } from './health.ts';
import { imports } from './imports.ts';
import { keys } from './keys.ts';
import { metrics } from './metrics.ts';
import { models } from './models.ts';
import { playbooks } from './playbooks.ts';
import { quality } from './quality.ts';
import { report } from './report.ts';
import { settings } from './settings.ts';
import { status } from './status.ts';
import { answers, surveys } from './surveys.ts';
import { teams } from './teams.ts';
import { uplift } from './uplift.ts';
import { users } from './users.ts';
import { value } from './value.ts';
import { voice } from './voice.ts';
import { voiceDrivers } from './voice-drivers.ts';

/** Every route group: one line each. The app registers exactly these, and the tests iterate over them. */
export const routeGroups = {
  health,
  auth,
  status,
  metrics,
  models,
  clv,
  value,
  churn,
  uplift,
  alerts,
  dashboard,
  report,
  quality,
  competitors,
  customers,
  cases,
  playbooks,
  surveys,
  answers,
  campaigns,
  voice,
  teams,
  imports,
  events,
  settings,
  users,
  keys,
  audit,
  voiceDrivers,
} satisfies Record<string, RouteGroup>;

/**
 * Every API route as method, full path and access, from the registry: the access-matrix and OpenAPI tests
 * iterate over this, so a new route cannot escape them.
 */
export const routeTable = (): { method: string; url: string; access: Access }[] =>
  Object.values(routeGroups).flatMap((g) =>
    g.routes.flatMap((r) =>
      [r.method].flat().map((method) => ({ method, url: g.prefix + r.url, access: r.config.access })),
    ),
  );
