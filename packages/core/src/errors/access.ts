import { def, q, quote } from './define.ts';

/** Users, keys, sessions and the HTTP API's own refusals. */
export const accessCodes = {
  TEN_UNAUTHENTICATED: def<Record<string, never>>(
    401,
    { en: () => 'You are not logged in', 'zh-CN': () => '您尚未登录' },
    {
      en: () => 'Log in again.',
      'zh-CN': () => '请重新登录。',
    },
    () => [{ action: 'log_in' }],
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
      en: () => 'A change in a signed-in session carries the session’s CSRF token.',
      'zh-CN': () => '已登录会话中的修改请求须携带该会话的 CSRF 令牌。',
    },
    () => [{ action: 'send_csrf_token' }],
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
      en: () => 'Split the data into smaller parts and send them one by one.',
      'zh-CN': () => '请将数据拆分为更小的部分后逐个发送。',
    },
    () => [{ action: 'import_file' }],
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
      en: () => 'Check the values sent against the errors listed, and try again.',
      'zh-CN': () => '请对照所列的错误检查发送的值后重试。',
    },
    () => [{ action: 'read_api_docs' }],
  ),
  TEN_NOT_FOUND: def<{ path: string }>(
    404,
    { en: (a) => `Nothing at ${a.path}`, 'zh-CN': (a) => `${a.path} 不存在` },
    {
      en: () => 'Check the address.',
      'zh-CN': () => '请检查地址。',
    },
    () => [{ action: 'open_from_menu' }, { action: 'read_api_docs' }],
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
      en: (a) => `Use one of: ${a.known.join(', ')}.`,
      'zh-CN': (a) => `请使用以下之一：${a.known.join('、')}。`,
    },
    () => [{ action: 'send_events' }],
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
      en: () => 'Jobs are kept in memory until the server stops: one begun before a restart is gone.',
      'zh-CN': () => '任务只保存在服务内存中，服务重启前开始的任务已不存在。',
    },
    () => [{ action: 'start_job_again' }],
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
      en: () => 'Preferences are kept for users: sign in as one to keep a language.',
      'zh-CN': () => '偏好设置按用户保存：请以用户身份登录以保存语言。',
    },
    () => [{ action: 'choose_language' }],
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
