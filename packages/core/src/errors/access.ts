import { by, def, q, quote } from './define.ts';

/** Users, keys, sessions and the HTTP API's own refusals. */
export const accessCodes = {
  TEN_UNAUTHENTICATED: def<Record<string, never>>(
    401,
    { en: () => 'You are not logged in', 'zh-CN': () => '您尚未登录' },
    {
      en: (_a, on) =>
        by(on, {
          cli: 'Log in to the dashboard, or send an API key as "Authorization: Bearer <key>".',
          web: 'Sign in again on the sign-in page.',
          api: 'Log in (POST /api/v1/auth/login) or send an API key as "Authorization: Bearer <key>".',
        }),
      'zh-CN': (_a, on) =>
        by(on, {
          cli: '请登录仪表盘，或以 "Authorization: Bearer <密钥>" 发送 API 密钥。',
          web: '请在登录页重新登录。',
          api: '请登录（POST /api/v1/auth/login），或以 "Authorization: Bearer <密钥>" 发送 API 密钥。',
        }),
    },
  ),
  TEN_LOGIN_FAILED: def<Record<string, never>>(
    401,
    { en: () => 'Wrong username or password', 'zh-CN': () => '用户名或密码错误' },
    {
      en: () => 'Check both; an admin can reset a password.',
      'zh-CN': () => '请检查两者；管理员可以重置密码。',
    },
    () => [{ action: 'reset_password' }],
  ),
  TEN_FORBIDDEN: def<{ role: string; needed: string }>(
    403,
    {
      en: (a) => `This needs the ${a.needed} role; you are ${a.role}`,
      'zh-CN': (a) => `此操作需要 ${a.needed} 角色；您是 ${a.role}`,
    },
    {
      en: (_a, on) =>
        `Ask an admin for a higher role${on === 'web' ? '.' : ', or use an API key created with that role.'}`,
      'zh-CN': (_a, on) => `请向管理员申请更高的角色${on === 'web' ? '。' : '，或使用以该角色创建的 API 密钥。'}`,
    },
  ),
  TEN_CSRF: def<Record<string, never>>(
    403,
    { en: () => 'Missing or wrong x-csrf-token header', 'zh-CN': () => '缺少 x-csrf-token 请求头或其值错误' },
    {
      en: (_a, on) =>
        on === 'web'
          ? 'Reload the page and try again.'
          : 'Send the csrf_token from the login (or GET /api/v1/auth/me) response in the x-csrf-token header.',
      'zh-CN': (_a, on) =>
        on === 'web'
          ? '请刷新页面后重试。'
          : '请在 x-csrf-token 请求头中发送登录（或 GET /api/v1/auth/me）响应里的 csrf_token。',
    },
  ),
  TEN_RATE_LIMITED: def<{ seconds: number }>(
    429,
    {
      en: (a) => `Too many failed logins; try again in ${a.seconds} s`,
      'zh-CN': (a) => `登录失败次数过多，请 ${a.seconds} 秒后重试`,
    },
    {
      en: () => 'Wait, then log in with the right password; an admin can reset it.',
      'zh-CN': () => '请稍候，再用正确的密码登录；管理员可以重置密码。',
    },
  ),
  TEN_PAYLOAD_TOO_LARGE: def<{ limit: string }>(
    413,
    { en: (a) => `The request is too large: at most ${a.limit}`, 'zh-CN': (a) => `请求过大：最多 ${a.limit}` },
    {
      en: (_a, on) =>
        by(on, {
          cli: 'Split the data into smaller files.',
          web: 'Split the file into smaller files and import them one by one.',
          api: 'Split the data into smaller batches, or import it as a file (POST /api/v1/imports).',
        }),
      'zh-CN': (_a, on) =>
        by(on, {
          cli: '请将数据拆分为更小的文件。',
          web: '请将文件拆分为更小的文件后逐个导入。',
          api: '请将数据拆成更小的批次，或以文件方式导入（POST /api/v1/imports）。',
        }),
    },
  ),
  TEN_UNSUPPORTED_MEDIA_TYPE: def<{ type: string }>(
    415,
    {
      en: (a) => `Content type ${quote(a.type)} is not accepted here`,
      'zh-CN': (a) => `此处不接受内容类型 ${q(a.type)}`,
    },
    {
      en: (_a, on) =>
        on === 'web'
          ? 'Reload the page and try again.'
          : 'Send JSON (application/json), or multipart/form-data to the import routes.',
      'zh-CN': (_a, on) =>
        on === 'web' ? '请刷新页面后重试。' : '请发送 JSON（application/json），导入接口则发送 multipart/form-data。',
    },
  ),
  TEN_BAD_REQUEST: def<{ detail: string }>(
    400,
    { en: (a) => `Invalid request: ${a.detail}`, 'zh-CN': (a) => `请求无效：${a.detail}` },
    {
      en: (_a, on) =>
        on === 'web'
          ? 'Check the values in the form and try again.'
          : 'See the errors list, and the request schema at /api/docs.',
      'zh-CN': (_a, on) =>
        on === 'web' ? '请检查表单中的值后重试。' : '请查看 errors 列表，以及 /api/docs 中的请求格式。',
    },
  ),
  TEN_NOT_FOUND: def<{ path: string }>(
    404,
    { en: (a) => `Nothing at ${a.path}`, 'zh-CN': (a) => `${a.path} 不存在` },
    {
      en: (_a, on) => (on === 'web' ? 'Go back and open the page from the menu.' : 'See /api/docs for every route.'),
      'zh-CN': (_a, on) => (on === 'web' ? '请返回并从菜单打开页面。' : '全部接口见 /api/docs。'),
    },
  ),
  TEN_HEADERS_TOO_LARGE: def<Record<string, never>>(
    431,
    { en: () => 'The request headers are too large', 'zh-CN': () => '请求头过大' },
    {
      en: (_a, on) =>
        on === 'web'
          ? 'Clear this site’s cookies and sign in again.'
          : 'Send fewer or shorter headers (cookies included); clear this site’s cookies if they have grown.',
      'zh-CN': (_a, on) =>
        on === 'web'
          ? '请清除本站的 Cookie 后重新登录。'
          : '请发送更少或更短的请求头（包括 Cookie）；如果 Cookie 过多，请清除本站的 Cookie。',
    },
  ),
  TEN_REQUEST_TIMEOUT: def<Record<string, never>>(
    408,
    { en: () => 'The request was not received in time', 'zh-CN': () => '未能及时收到请求' },
    {
      en: () => 'Send the whole request at once; check the network between you and the server.',
      'zh-CN': () => '请一次发送完整的请求，并检查您与服务器之间的网络。',
    },
  ),
  TEN_TOO_MANY_REQUESTS: def<{ seconds: number }>(
    429,
    {
      en: (a) => `Too many requests without credentials from this address; try again in ${a.seconds} s`,
      'zh-CN': (a) => `此地址未登录的请求过多，请 ${a.seconds} 秒后重试`,
    },
    {
      en: (_a, on) =>
        on === 'web'
          ? 'Sign in: signed-in requests are not limited this way.'
          : 'Log in or send an API key: signed-in requests are not limited this way.',
      'zh-CN': (_a, on) =>
        on === 'web' ? '请登录：已登录的请求不受此限制。' : '请登录或发送 API 密钥：已登录的请求不受此限制。',
    },
  ),
  TEN_EVENT_ENTITY_UNKNOWN: def<{ entity: string; known: string[] }>(
    404,
    {
      en: (a) => `There is no entity ${quote(a.entity)} to send events to`,
      'zh-CN': (a) => `没有可接收事件的数据表 ${q(a.entity)}`,
    },
    {
      en: (a, on) =>
        on === 'web'
          ? `Choose one of: ${a.known.join(', ')}.`
          : `Send to one of: ${a.known.map((e) => `/api/v1/events/${e}`).join(', ')}.`,
      'zh-CN': (a, on) =>
        on === 'web'
          ? `请选择以下之一：${a.known.join('、')}。`
          : `请发送到以下之一：${a.known.map((e) => `/api/v1/events/${e}`).join('、')}。`,
    },
  ),
  TEN_CUSTOMER_NOT_FOUND: def<{ id: string }>(
    404,
    { en: (a) => `There is no customer ${quote(a.id)}`, 'zh-CN': (a) => `没有客户 ${q(a.id)}` },
    {
      en: () => 'Check the customer id.',
      'zh-CN': () => '请检查客户编号。',
    },
    () => [{ action: 'find_customer' }],
  ),
  TEN_JOB_NOT_FOUND: def<{ id: string }>(
    404,
    { en: (a) => `There is no job ${quote(a.id)}`, 'zh-CN': (a) => `没有任务 ${q(a.id)}` },
    {
      en: (_a, on) =>
        on === 'web'
          ? 'The server restarted since the job began: start it again.'
          : 'Jobs are kept in memory until the server stops; finished imports stay listed at GET /api/v1/imports, model fits at GET /api/v1/models/runs.',
      'zh-CN': (_a, on) =>
        on === 'web'
          ? '任务开始后服务已重启，请重新开始。'
          : '任务只保存在服务内存中；已完成的导入见 GET /api/v1/imports，模型拟合见 GET /api/v1/models/runs。',
    },
  ),
  TEN_ROLE_UNKNOWN: def<{ role: string; known: string[] }>(
    400,
    { en: (a) => `Unknown role ${quote(a.role)}`, 'zh-CN': (a) => `未知的角色 ${q(a.role)}` },
    { en: (a) => `Use one of: ${a.known.join(', ')}.`, 'zh-CN': (a) => `请使用以下之一：${a.known.join('、')}。` },
  ),
  TEN_USER_BAD_NAME: def<{ username: string }>(
    400,
    { en: (a) => `${quote(a.username)} cannot be a username`, 'zh-CN': (a) => `${q(a.username)} 不能作为用户名` },
    {
      en: () => 'Use 1 to 64 letters, digits, dots, dashes, underscores or @.',
      'zh-CN': () => '请使用 1 到 64 个字母、数字、点、连字符、下划线或 @。',
    },
  ),
  TEN_USER_WEAK_PASSWORD: def<{ min: number }>(
    400,
    {
      en: (a) => `The password is too short: at least ${a.min} characters`,
      'zh-CN': (a) => `密码太短：至少 ${a.min} 个字符`,
    },
    {
      en: () => 'Use a longer password, for example a phrase of several words.',
      'zh-CN': () => '请使用更长的密码，例如由几个词组成的短语。',
    },
  ),
  TEN_USER_EXISTS: def<{ username: string }>(
    409,
    { en: (a) => `The user ${quote(a.username)} exists already`, 'zh-CN': (a) => `用户 ${q(a.username)} 已存在` },
    {
      en: () => 'Pick another name, or change that user.',
      'zh-CN': () => '请换一个用户名，或修改该用户。',
    },
    () => [{ action: 'change_user' }],
  ),
  TEN_USER_NOT_FOUND: def<{ username: string }>(
    404,
    { en: (a) => `There is no user ${quote(a.username)}`, 'zh-CN': (a) => `没有用户 ${q(a.username)}` },
    {
      en: () => 'Check the name against the list of users.',
      'zh-CN': () => '请对照用户列表检查用户名。',
    },
    () => [{ action: 'list_users' }],
  ),
  TEN_PREFERENCES_NEED_USER: def<{ actor: string }>(
    400,
    {
      en: (a) => `${quote(a.actor)} is an API key, which has no user to keep preferences for`,
      'zh-CN': (a) => `${q(a.actor)} 是 API 密钥，没有可保存偏好设置的用户`,
    },
    {
      en: (_a, on) =>
        by(on, {
          cli: 'Log in to the dashboard as a user and choose the language there.',
          web: 'Sign in as a user and choose the language at the top of the page.',
          api: 'Send lang in the query or an Accept-Language header with each request, or log in as a user (POST /api/v1/auth/login).',
        }),
      'zh-CN': (_a, on) =>
        by(on, {
          cli: '请以用户身份登录仪表盘，并在那里选择语言。',
          web: '请以用户身份登录，并在页面顶部选择语言。',
          api: '请在每个请求中用查询参数 lang 或 Accept-Language 请求头指定语言，或以用户身份登录（POST /api/v1/auth/login）。',
        }),
    },
  ),
  TEN_USER_LAST_ADMIN: def<{ username: string }>(
    409,
    { en: (a) => `${quote(a.username)} is the last admin`, 'zh-CN': (a) => `${q(a.username)} 是最后一位管理员` },
    {
      en: () => 'Make another user admin first, so the workspace keeps someone who can manage users and keys.',
      'zh-CN': () => '请先把另一位用户设为管理员，使工作区始终有人能管理用户和密钥。',
    },
  ),
  TEN_KEY_NOT_FOUND: def<{ id: string }>(
    404,
    { en: (a) => `There is no API key ${quote(a.id)}`, 'zh-CN': (a) => `没有 API 密钥 ${q(a.id)}` },
    {
      en: () => 'Check the id against the list of API keys.',
      'zh-CN': () => '请对照 API 密钥列表检查编号。',
    },
    () => [{ action: 'list_keys' }],
  ),
} as const;
