import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import {
  type Actor,
  checkSlaBreaches,
  connectWorkspace,
  customerStoresCurrent,
  PatchedServedFile,
  type ServedPaths,
  sendDueSurveys,
  servedChurnRisk,
  servedCustomer360,
  sql,
  type Workspace,
} from '@tenure/core';
import {
  AnonymousLimiter,
  type AnonymousLimits,
  defaultAnonymousLimits,
  defaultAnswerLimits,
} from './anonymous-limit.ts';
import { AnswerBatcher } from './answer-batch.ts';
import { type Freshness, ResultCache } from './cache.ts';
import { Clock } from './clock.ts';
import { serverThreads } from './cores.ts';
import { ErrorLog } from './error-log.ts';
import { type FitJob, type Job, Jobs } from './jobs.ts';
import { Lane } from './lanes.ts';
import { defaultLoginLimits, LoginLimiter, type LoginLimits } from './login-limit.ts';
import { RollupRefresher } from './rollups.ts';
import { WebhookSender } from './webhooks.ts';

/**
 * Views whose figures read cases: every metric (the case metrics, and the churn taxonomy's retaliatory mark), the
 * churn reasons built from the taxonomy, the report, and the alerts (a case past its SLA raises one).
 */
const CASE_VIEWS = ['metric', 'churn-reasons', 'report', 'alerts'] as const;

/**
 * Views of the server's own records: alerts (acknowledged, delivered), the audit log, imports, keys and users.
 * Only a write request changes them (besides the background passes that say so), and every authenticated one
 * appends to the audit log, so they are dropped after each write request rather than kept per table.
 */
const RECORD_VIEWS = ['alerts', 'audit', 'imports', 'keys', 'users'] as const;

/**
 * What a write to the workspace changes: `data` (rows: imports, event batches, topics, campaigns, scores) or
 * `settings` (the config: churn definition, calendar, dimensions), which no earlier figure survives.
 */
export type WriteKind = 'data' | 'settings';

/**
 * Longest a slice of background upkeep waits for people's writes to finish (peopleFirst): long enough for a
 * burst of agents' writes, short enough that a team writing without pause still sees its 360s rebuilt.
 */
const PEOPLE_FIRST_MS = 100;

/** How often the survey triggers that send by themselves run (see ServerContext.surveyTriggers). */
const SURVEY_TRIGGER_MINUTES = 15;

export interface ServerOptions {
  /** The dashboard's built files (index.html + assets): packages/web/dist by default when it exists; null: none. */
  webDir?: string | null;
  /** Fastify's request log (off by default: `tenure serve` prints its own lines). */
  logger?: boolean;
  loginLimits?: LoginLimits;
  /** API requests without valid credentials per client address (burst, then per second). */
  anonymousLimits?: AnonymousLimits;
  /** Survey answers per client address (burst, then per second): the public answer route's own limit. */
  answerLimits?: AnonymousLimits;
  /** Upload size limit of the import routes, bytes (default 1 GiB). */
  maxUploadBytes?: number;
  /** Mark the session cookie Secure: set it when the server is reached over HTTPS (a reverse proxy). */
  secureCookies?: boolean;
  /**
   * Requests that may use the database at once (default 8). Each holds a thread of libuv's pool while its statement
   * runs, so this stays well under the pool `tenure` starts with (32, bin/tenure.js).
   */
  dbConcurrency?: number;
  /** File that internal errors are appended to, besides stderr: tenure.server.log in the workspace by default; null: stderr only. */
  errorLog?: string | null;
}

/** Who a credential stands for, and the session's CSRF token (null for API keys). */
export interface Credential {
  actor: Actor;
  csrfToken: string | null;
}

/** Internal errors of the server, in the workspace folder (see ErrorLog). */
export const ERROR_LOG_FILE = 'tenure.server.log';

const defaultWebDir = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** Open a connection of its own for `fn` and close it after: transactions and temp tables stay separate. */
async function onOwnConnection<T>(ws: Workspace, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const view = await connectWorkspace(ws);
  try {
    return await fn(view);
  } finally {
    await view.close();
  }
}

/**
 * What every route reaches through `req.server.tenure`: the workspace the server holds, how to use its
 * database, the cache of views, import and model-fit jobs and the login limiter. One per app: no global state.
 */
export class ServerContext {
  readonly cache = new ResultCache();
  readonly jobs = new Jobs<Job>();
  readonly fits = new Jobs<FitJob>();
  readonly errors: ErrorLog;
  /** Sends the alerts' webhooks; a failed pass goes to the error log. */
  readonly webhooks = new WebhookSender(this, (e) => this.errors.write('webhook delivery pass', e));
  readonly rollups = new RollupRefresher(this, (e) => this.errors.write('refreshing metric rollups', e));
  /** Alerts SLA breaches of cases every `cases.sla.check_minutes`, kicking the webhooks when it raised any. */
  readonly sla = new Clock(
    async () => {
      if ((await this.caseWrite((ws) => checkSlaBreaches(ws))).alerted) this.webhooks.kick();
    },
    () => this.ws.config.cases.sla.check_minutes,
    (e) => this.errors.write('checking case SLAs', e),
  );
  /**
   * Sends the surveys whose triggers send by themselves (a delivery webhook) every SURVEY_TRIGGER_MINUTES: their
   * triggers count in days (a case closed within 7, a churn 3 days ago), so a quarter-hour is soon enough.
   */
  readonly surveyTriggers = new Clock(
    async () => {
      // One survey's failure (a missing secret, a receiver down) is logged with its code; the others were sent.
      for (const r of await this.caseWrite((ws) => sendDueSurveys(ws)))
        if (r.error) this.errors.write(`sending the triggers of survey ${r.survey_id}`, r.error);
    },
    () => SURVEY_TRIGGER_MINUTES,
    (e) => this.errors.write('sending survey triggers', e),
  );
  readonly limiter: LoginLimiter;
  readonly anonymous: AnonymousLimiter;
  readonly answers: AnonymousLimiter;
  /** Survey answers, written in groups (answer-batch.ts). */
  readonly answerWrites: AnswerBatcher = new AnswerBatcher(this);
  readonly webDir: string | null;
  readonly maxUploadBytes: number;
  readonly secureCookies: boolean;
  private readonly reads: Lane;
  /** The read lane's connections between requests. */
  private readonly idle: Workspace[] = [];
  private closed = false;
  private readonly writes = new Lane(1);
  /**
   * Eight agents' writes at once: each is a few statements on different rows, which DuckDB commits side by side
   * (64 agents commenting 64 cases at once: no conflict); two made ten agents queue during a refresh.
   */
  private readonly caseWrites = new Lane(8);
  /** People's writes in flight, and the background slices waiting for none to be (peopleFirst). */
  private peopleWriting = 0;
  private readonly quietWaiters: (() => void)[] = [];
  /** The served files open, by view (their name without the build stamp). */
  private readonly served = new Map<string, { at: string; file: Promise<PatchedServedFile> }>();
  /**
   * Verified credentials (session cookie or API key → actor), so most requests need no lookup. Entries live
   * 30 s at most, and every route that can end or change a credential (logout, user changes, key revocation)
   * calls `forgetCredentials`, so a revoked key or a removed user stops working at once.
   */
  private readonly credentials = new Map<string, { who: Credential; until: number }>();

  constructor(
    readonly ws: Workspace,
    o: ServerOptions = {},
  ) {
    this.limiter = new LoginLimiter(o.loginLimits ?? defaultLoginLimits);
    this.anonymous = new AnonymousLimiter(o.anonymousLimits ?? defaultAnonymousLimits);
    this.answers = new AnonymousLimiter(o.answerLimits ?? defaultAnswerLimits);
    this.webDir = o.webDir === undefined ? (existsSync(defaultWebDir) ? defaultWebDir : null) : o.webDir;
    this.maxUploadBytes = o.maxUploadBytes ?? 1024 ** 3;
    this.secureCookies = !!o.secureCookies;
    this.reads = new Lane(o.dbConcurrency ?? 8);
    this.errors = new ErrorLog(o.errorLog === undefined ? join(ws.dir, ERROR_LOG_FILE) : o.errorLog);
  }

  /**
   * Reads, and small writes that need no transaction of their own (sessions, users, keys, the audit log), on
   * the read lane's connections: kept open between requests (opening one and setting its time zone were two of
   * a cached page's three round trips), one request at a time each. A connection a request failed on is closed,
   * not kept, so nothing a failure left behind (an open transaction) reaches the next request.
   */
  db<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.reads.run(() => this.pooled(fn));
  }

  /** `fn` on a kept connection (the read lane's and the case-write lane's), kept again unless `fn` failed. */
  private async pooled<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    const view = this.idle.pop() ?? (await connectWorkspace(this.ws, { own: true }));
    let kept = false;
    try {
      const out = await fn(view);
      kept = !this.closed;
      return out;
    } finally {
      if (kept) this.idle.push(view);
      else await view.close();
    }
  }

  /** Close the read lane's kept connections (the server is closing). */
  async closeConnections(): Promise<void> {
    this.closed = true;
    for (const view of this.idle.splice(0)) await view.close();
  }

  /**
   * Data writes (imports, event batches, settings): one at a time, each on its own connection so its
   * transaction never mixes with reads. Afterwards, whether it succeeded or not, cached views are dropped,
   * but for a `data` write the kept views (`keptView`: the figures the metric rollups give) stay as the last
   * known answer, served marked stale until the refresher has rebuilt the rollups and they are recomputed
   * (cache.ts). A `settings` write drops them too: figures under another churn definition or calendar are not
   * old but wrong, and the rollups themselves are rebuilt under the new settings.
   */
  write<T>(fn: (ws: Workspace) => Promise<T>, kind: WriteKind = 'data'): Promise<T> {
    return this.writes.run(async () => {
      try {
        return await onOwnConnection(this.ws, fn);
      } finally {
        if (kind === 'settings') this.cache.invalidate();
        else this.cache.supersede(new Date());
        this.rollups.kick();
      }
    });
  }

  /**
   * The refresher brought the metric rollups up to date with the data of `generation` (the cache's, taken when
   * it started): the kept views are recomputed, now a read of the rollups.
   */
  rollupsRefreshed(generation: number): void {
    void this.cache.revalidate(generation);
  }

  /**
   * People's writes to cases (a move, an assignment, a note): a lane of their own, beside `write()`, each on a
   * kept connection while it runs (core's transaction takes one of its own). People's writes never wait for analytics: an import or an event batch holds the
   * write lane for as long as it runs (minutes on a large file) and slow views the read lane, while a case write
   * is a few small statements on `cases` and `case_events`, which no import, rollup or view writes. Core runs
   * each in a transaction of its own and settles races between agents itself (TEN_CASE_STALE), so no queue
   * behind other writes is needed for consistency. Cached views stay, but those whose figures read cases
   * (`CASE_VIEWS`): the other views, the overview and the 360s among them, stay warm through an agent's day.
   */
  caseWrite<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.caseWrites.run(async () => {
      this.peopleWriting++;
      try {
        return await this.pooled(fn);
      } finally {
        this.cache.forgetViews(CASE_VIEWS);
        if (--this.peopleWriting === 0) for (const go of this.quietWaiters.splice(0)) go();
      }
    });
  }

  /**
   * Between the slices of a long background build (the served 360s and risks: minutes of the server's own thread
   * after each import): go on at the next turn when no person's write is in flight, else once they are done (at
   * most PEOPLE_FIRST_MS). Sharing the thread fairly made every step of an agent's write wait behind a slice.
   */
  peopleFirst(): Promise<void> {
    if (this.peopleWriting === 0) return yieldToEvents();
    return new Promise((go) => {
      const timer = setTimeout(go, PEOPLE_FIRST_MS);
      this.quietWaiters.push(() => {
        clearTimeout(timer);
        go();
      });
    });
  }

  /**
   * Upkeep that changes no figure (rebuilding the metric rollups and the per-customer stores), so cached views
   * stay valid; on a connection of its own beside the lanes, as a rebuild takes a minute on 1M customers and
   * neither writes nor reads may queue behind it (the refresher runs one at a time). It cannot conflict with a
   * write: it writes only derived tables and their versions in `meta`, which no write touches; and each version
   * is taken before the rebuild reads, so a write landing meanwhile leaves a table marked stale (rebuilt next),
   * never stale and marked current.
   */
  upkeep<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return onOwnConnection(this.ws, fn);
  }

  /**
   * The actor a credential stands for, from memory or looked up (failed lookups are not remembered); with
   * `cachedOnly`, from memory only.
   */
  async credential(
    token: string,
    lookup: (ws: Workspace) => Promise<Credential | null>,
    cachedOnly = false,
  ): Promise<Credential | null> {
    const hit = this.credentials.get(token);
    if (hit && hit.until > Date.now()) return hit.who;
    if (cachedOnly) return null;
    const who = await this.db(lookup);
    if (who) this.credentials.set(token, { who, until: Date.now() + 30_000 });
    return who;
  }

  forgetCredentials(): void {
    this.credentials.clear();
  }

  /**
   * How customer views can be read now: from the per-customer stores (core's customers/stores.ts) when they
   * reflect the data, from the served 360s (customers/served.ts) when those reflect the stores, and from the
   * served churn risks (predict/served-risk.ts) when those reflect the latest scoring. Asked once
   * per data generation and day, as the check itself reads every source table's count. When either is behind,
   * the refresher is kicked (it builds them after the rollups) and views are computed meanwhile.
   */
  async customerViews(): Promise<{
    stored: boolean;
    served: PatchedServedFile | null;
    risk: PatchedServedFile | null;
  }> {
    // The files are opened inside the cached lookup: a request then costs one cache hit, nothing more.
    const found = await this.cache.get(this.storesKey(), async () => {
      const paths = await this.db(async (ws) => {
        const [stored, served, risk] = [
          await customerStoresCurrent(ws),
          await servedCustomer360(ws),
          await servedChurnRisk(ws),
        ];
        return { stored, served: served.paths, risk: risk.paths, behind: !stored || served.behind || risk.behind };
      });
      return {
        ...paths,
        served: paths.served ? await this.openServed(paths.served) : null,
        risk: paths.risk ? await this.openServed(paths.risk) : null,
      };
    });
    if (found.behind) this.rollups.kick();
    return found;
  }

  /** The open served file (and patch) at `paths`; one it replaces is closed a while later, once reads in flight are done. */
  private openServed(paths: ServedPaths): Promise<PatchedServedFile> {
    const kind = basename(paths.path).replace(/-\d+$/, '');
    const at = `${paths.path} ${paths.patch}`;
    const open = this.served.get(kind);
    if (open?.at === at) return open.file;
    if (open) setTimeout(() => open.file.then((f) => f.close()).catch(() => undefined), 30_000).unref();
    const file = PatchedServedFile.open(paths);
    this.served.set(kind, { at, file });
    // A file that cannot be opened (removed under the server) is asked for again by the next request.
    file.catch(() => {
      if (this.served.get(kind)?.file === file) this.served.delete(kind);
    });
    return file;
  }

  /** Leave one core to people's writes: DuckDB's workers take the others (cores.ts). */
  leaveOneCore(): Promise<void> {
    return onOwnConnection(this.ws, (ws) => ws.db.run(sql`SET threads = ${serverThreads()}`));
  }

  /** A write request ended, its audit row written: the views of the server's own records are read again. */
  requestWrote(): void {
    this.cache.forgetViews(RECORD_VIEWS);
  }

  /** A webhook pass recorded deliveries: the alerts inbox, which shows them, is read again. */
  alertsDelivered(): void {
    this.cache.forgetViews(['alerts']);
  }

  /** The refresher rebuilt the per-customer stores: the next customer view checks them again. */
  storesRebuilt(): void {
    this.cache.forget(this.storesKey());
  }

  private storesKey(): string {
    return JSON.stringify(['customer stores current', new Date().toISOString().slice(0, 10)]);
  }

  /** A read-only view computed once per data generation and shared by identical requests. */
  view<T>(key: unknown, fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.memo(key, () => this.db(fn));
  }

  /**
   * As `view`, for figures read from the metric rollups (the overview, metrics, cohorts, the report): kept
   * through data writes, and answered with `as_of` and `refreshing` (ResultCache.getKept).
   */
  keptView<T extends object>(key: unknown, fn: (ws: Workspace) => Promise<T>): Promise<T & Freshness> {
    return this.cache.getKept(JSON.stringify(key), () => this.db(fn));
  }

  /** As `view`, for work that takes a connection only when it needs one (`db`), or none. */
  memo<T>(key: unknown, fn: () => Promise<T>): Promise<T> {
    return this.cache.get(JSON.stringify(key), fn);
  }
}
