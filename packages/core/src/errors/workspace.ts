import type { Text } from '../present/text.ts';
import { by, def, type Local, q, quote, said } from './define.ts';

/** Where a ClickHouse copy is laid out: a cluster by name, or one node (null). */
const onEn = (cluster: string | null) => (cluster ? `the cluster ${cluster}` : 'a single node');
const onZh = (cluster: string | null) => (cluster ? `集群 ${cluster} ` : '单节点');

/** The workspace, its config and the process around it; the catch-alls for bugs and bad usage. */

/** What a workspace kept in ClickHouse (engine/clickhouse/record.ts) cannot do yet. */
export type RecordUnsupported = 'create_missing_customers' | 'snapshot_churn' | 'sync' | 'server';
const recordGap: Record<RecordUnsupported, Text> = {
  create_missing_customers: { en: 'creating missing customers on import', 'zh-CN': '导入时自动创建缺失的客户' },
  snapshot_churn: { en: 'churn events from a snapshot’s churn flag', 'zh-CN': '根据快照的流失标记生成流失事件' },
  sync: { en: 'copying it with a sync', 'zh-CN': '通过同步复制该工作区' },
  server: { en: 'serving it (the HTTP API and the dashboard)', 'zh-CN': '通过服务（HTTP API 与仪表盘）提供该工作区' },
};
const recordGapHint: Record<RecordUnsupported, Text> = {
  create_missing_customers: {
    en: 'Import the customers first, then this file; or keep the data in a DuckDB workspace and copy it to ClickHouse.',
    'zh-CN': '请先导入客户，再导入此文件；或把数据保存在 DuckDB 工作区中，再复制到 ClickHouse。',
  },
  snapshot_churn: {
    en: 'Import the churned customers as churn events; or keep the data in a DuckDB workspace and copy it to ClickHouse.',
    'zh-CN': '请把流失客户作为流失事件导入；或把数据保存在 DuckDB 工作区中，再复制到 ClickHouse。',
  },
  sync: {
    en: 'Its data is already in ClickHouse: read it there. A sync copies a DuckDB workspace.',
    'zh-CN': '其数据已在 ClickHouse 中，请直接在那里读取。同步用于复制 DuckDB 工作区。',
  },
  server: {
    en: 'For now, import into this workspace and read its metrics and reports without the server; or keep the data in a DuckDB workspace and copy it to ClickHouse.',
    'zh-CN': '目前请不经服务导入该工作区并读取其指标与报告；或把数据保存在 DuckDB 工作区中，再复制到 ClickHouse。',
  },
};

export const workspaceCodes = {
  TEN_INTERNAL: def<{ detail: string }>(
    500,
    { en: (a) => `Internal error: ${a.detail}`, 'zh-CN': (a) => `内部错误：${a.detail}` },
    {
      en: (_a, on) =>
        by(on, {
          cli: 'This is a bug in Tenure. Please report it with the command you ran.',
          web: 'This is a bug in Tenure. Please report it with what you did on this page.',
          api: 'This is a bug in Tenure. Please report it with the request and its request id.',
        }),
      'zh-CN': (_a, on) =>
        by(on, {
          cli: '这是 Tenure 的缺陷，请连同所运行的命令一起报告。',
          web: '这是 Tenure 的缺陷，请连同您在本页的操作一起报告。',
          api: '这是 Tenure 的缺陷，请连同请求及其请求编号一起报告。',
        }),
    },
  ),
  TEN_USAGE: def<{ detail: string; hint?: Local }>(
    400,
    { en: (a) => a.detail, 'zh-CN': (a) => a.detail },
    {
      en: (a, on) => (a.hint ? said(a.hint, 'en', on) : 'Check the options given and try again.'),
      'zh-CN': (a, on) => (a.hint ? said(a.hint, 'zh-CN', on) : '请检查所给的选项后重试。'),
    },
    // Without a hint of its own, the usage of what was called: each shell says where it is written.
    (a) => (a.hint ? [] : [{ action: 'show_usage' }]),
  ),
  TEN_CONFIG_PARSE: def<{ file: string; detail: string }>(
    422,
    { en: (a) => `${a.file} is not valid JSON: ${a.detail}`, 'zh-CN': (a) => `${a.file} 不是有效的 JSON：${a.detail}` },
    {
      en: () => 'Fix the JSON syntax of the workspace configuration file (an administrator can).',
      'zh-CN': () => '请修正工作区配置文件的 JSON 语法（管理员可以操作）。',
    },
    () => [{ action: 'rewrite_config' }],
  ),
  TEN_CONFIG_INVALID: def<{ file: string; problems: string[] }>(
    422,
    {
      en: (a) => `${a.file} has ${a.problems.length} problem(s): ${a.problems.join('; ')}`,
      'zh-CN': (a) => `${a.file} 有 ${a.problems.length} 个问题：${a.problems.join('；')}`,
    },
    {
      en: () => 'Correct the settings named, with the values each of them allows.',
      'zh-CN': () => '请修正上述设置，使其取值符合各自的要求。',
    },
    () => [{ action: 'fix_settings' }, { action: 'read_api_docs' }],
  ),
  TEN_WORKSPACE_NOT_FOUND: def<{ dir: string }>(
    404,
    { en: (a) => `No Tenure workspace at ${a.dir}`, 'zh-CN': (a) => `${a.dir} 下没有 Tenure 工作区` },
    {
      en: () => 'Open an existing workspace, or create one: the demo or an empty one (an administrator can).',
      'zh-CN': () => '请打开已有的工作区，或新建一个：演示工作区或空白工作区（管理员可以操作）。',
    },
    (a) => [{ action: 'create_workspace', args: { dir: a.dir } }],
  ),
  TEN_WORKSPACE_EXISTS: def<{ dir: string }>(
    409,
    { en: (a) => `A Tenure workspace already exists at ${a.dir}`, 'zh-CN': (a) => `${a.dir} 下已有 Tenure 工作区` },
    {
      en: () => 'Use the existing workspace as it is.',
      'zh-CN': () => '请直接使用现有的工作区。',
    },
    () => [{ action: 'replace_workspace' }],
  ),
  TEN_WORKSPACE_LOCKED: def<{ dir: string; detail: string }>(
    423,
    {
      en: (a) => `The workspace ${a.dir} is in use by another process`,
      'zh-CN': (a) => `工作区 ${a.dir} 正被另一个进程使用`,
    },
    {
      en: () =>
        'DuckDB lets one process hold a workspace at a time. Stop the other Tenure process (for example a running server) and try again.',
      'zh-CN': () => 'DuckDB 同一时间只允许一个进程打开工作区。请停止另一个 Tenure 进程（例如正在运行的服务）后重试。',
    },
  ),
  TEN_WORKSPACE_TOO_NEW: def<{ where: string; version: number; known: number; by: string; current: string }>(
    409,
    {
      en: (a) =>
        `${a.where} was upgraded by Tenure ${a.by} to schema version ${a.version}; this Tenure (${a.current}) knows versions up to ${a.known}`,
      'zh-CN': (a) =>
        `${a.where} 已由 Tenure ${a.by} 升级到结构版本 ${a.version}；当前 Tenure（${a.current}）最高只支持版本 ${a.known}`,
    },
    {
      en: (a, on) =>
        on === 'cli'
          ? `Upgrade Tenure to ${a.by} or later and run the command again. Schemas only move forward, so an older Tenure does not open it.`
          : `Ask the administrator to upgrade the Tenure server to ${a.by} or later.`,
      'zh-CN': (a, on) =>
        on === 'cli'
          ? `请将 Tenure 升级到 ${a.by} 或更高版本后重新运行命令。数据结构只会向前升级，旧版 Tenure 不会打开它。`
          : `请管理员将 Tenure 服务升级到 ${a.by} 或更高版本。`,
    },
  ),
  TEN_WORKSPACE_BAD_PATH: def<{ dir: string; detail: string }>(
    400,
    {
      en: (a) => `${a.dir} cannot be a workspace folder: ${a.detail}`,
      'zh-CN': (a) => `${a.dir} 不能作为工作区目录：${a.detail}`,
    },
    {
      en: () =>
        'The workspace must be a folder (it is created if missing), not a file or a path inside a file (an administrator chooses it).',
      'zh-CN': () => '工作区必须是一个目录（不存在时会创建），不能是文件或文件内的路径（由管理员指定）。',
    },
    () => [{ action: 'choose_workspace' }],
  ),
  TEN_WORKSPACE_CORRUPT: def<{ file: string; detail: string }>(
    422,
    {
      en: (a) => `${a.file} is not a readable Tenure database: ${a.detail}`,
      'zh-CN': (a) => `${a.file} 不是可读取的 Tenure 数据库：${a.detail}`,
    },
    {
      en: () => 'The file was replaced or damaged: restore it from a backup (an administrator can).',
      'zh-CN': () => '该文件已被替换或损坏：请从备份恢复（管理员可以操作）。',
    },
    () => [{ action: 'rebuild_workspace' }],
  ),
  TEN_BATCH_NOT_FOUND: def<{ batch: number }>(
    404,
    { en: (a) => `There is no import batch ${a.batch}`, 'zh-CN': (a) => `没有导入批次 ${a.batch}` },
    {
      en: () => 'Batch ids are in the import summaries and the list of imports.',
      'zh-CN': () => '批次编号见导入摘要和导入列表。',
    },
    () => [{ action: 'list_imports' }],
  ),
  TEN_ENTITY_UNKNOWN: def<{ entity: string; known: string[]; suggestion?: string }>(
    400,
    { en: (a) => `Unknown entity ${quote(a.entity)}`, 'zh-CN': (a) => `未知的数据表 ${q(a.entity)}` },
    {
      en: (a) => `${a.suggestion ? `Did you mean ${quote(a.suggestion)}? ` : ''}Entities: ${a.known.join(', ')}.`,
      'zh-CN': (a) => `${a.suggestion ? `是否指 ${q(a.suggestion)}？` : ''}可用的数据表：${a.known.join('、')}。`,
    },
  ),
  TEN_ENGINE_UNREACHABLE: def<{ host: string; cause: string; seconds: number }>(
    503,
    {
      en: (a) => `Cannot reach the engine at ${a.host}: ${a.cause}`,
      'zh-CN': (a) => `无法连接 ${a.host} 上的引擎：${a.cause}`,
    },
    {
      en: (a) =>
        `Check that the server runs at that host and port and that this machine may connect to it (the attempt stops after ${a.seconds} s).`,
      'zh-CN': (a) => `请检查该主机和端口上的服务是否在运行，以及本机能否连接（${a.seconds} 秒后放弃连接）。`,
    },
  ),
  TEN_ENGINE_REFUSED: def<{ host: string; user: string; detail: string }>(
    503,
    {
      en: (a) => `The engine at ${a.host} refused the user ${a.user}: ${a.detail}`,
      'zh-CN': (a) => `${a.host} 上的引擎拒绝了用户 ${a.user}：${a.detail}`,
    },
    {
      en: () =>
        'Check the user name and password in the engine address (clickhouse://user:password@host:port/db), and that this user may connect from this machine.',
      'zh-CN': () =>
        '请检查引擎地址（clickhouse://用户名:密码@主机:端口/数据库）中的用户名和密码，以及该用户能否从本机连接。',
    },
  ),
  TEN_ENGINE_COPY_SWITCHING: def<{ version: number; since: string }>(
    409,
    {
      en: (a) =>
        `The ClickHouse copy was being switched: sync ${a.version} began swapping in its tables at ${a.since} UTC, so the tables read could come from two different copies`,
      'zh-CN': (a) =>
        `ClickHouse 副本正在切换：第 ${a.version} 次同步于 UTC ${a.since} 开始替换数据表，读取的表可能来自两份不同的副本`,
    },
    {
      en: () =>
        'Try again once the copy’s sync has finished. If none is running, one was interrupted: sync the workspace to ClickHouse again, which replaces every table.',
      'zh-CN': () =>
        '请在副本同步结束后重试。若没有正在运行的同步，说明上次同步被中断：请再次把工作区同步到 ClickHouse，它会替换每一张表。',
    },
  ),
  TEN_ENGINE_COPY_LAYOUT: def<{ recorded: string | null; asked: string | null }>(
    409,
    {
      en: (a) => `The ClickHouse copy was synced to ${onEn(a.recorded)}; this sync asks for ${onEn(a.asked)}`,
      'zh-CN': (a) => `该 ClickHouse 副本是按${onZh(a.recorded)}的布局同步的；本次同步要求的是${onZh(a.asked).trim()}`,
    },
    {
      en: (a) => `Sync it to ${onEn(a.recorded)} as before, or into another database.`,
      'zh-CN': (a) => `请仍按${onZh(a.recorded)}同步，或同步到另一个数据库。`,
    },
  ),
  TEN_ENGINE_RECORD_UNSUPPORTED: def<{ what: RecordUnsupported }>(
    422,
    {
      en: (a) =>
        `This workspace keeps its data in ClickHouse, which does not support ${recordGap[a.what]?.en ?? a.what} yet`,
      'zh-CN': (a) => `该工作区的数据存放在 ClickHouse 中，暂不支持${recordGap[a.what]?.['zh-CN'] ?? a.what}`,
    },
    {
      en: (a) => recordGapHint[a.what]?.en ?? recordGapHint.create_missing_customers.en,
      'zh-CN': (a) => recordGapHint[a.what]?.['zh-CN'] ?? recordGapHint.create_missing_customers['zh-CN'],
    },
  ),
  TEN_SERVER_HOLDS_WORKSPACE: def<{ dir: string; url: string; pid: number }>(
    423,
    {
      en: (a) => `The workspace ${a.dir} is held by the Tenure server at ${a.url} (process ${a.pid})`,
      'zh-CN': (a) => `工作区 ${a.dir} 正由 ${a.url} 上的 Tenure 服务（进程 ${a.pid}）占用`,
    },
    {
      en: (a) => `Use the server at ${a.url}.`,
      'zh-CN': (a) => `请使用 ${a.url} 上的服务。`,
    },
    (a) => [{ action: 'use_server', args: { url: a.url, pid: String(a.pid) } }],
  ),
} as const;
