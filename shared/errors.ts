/**
 * Stable error codes with their messages in Chinese and English. `{name}` placeholders are filled
 * from the error's details. The web app shows the same text.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误：{fields}', en: 'Invalid input: {fields}' },
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'Bad request' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  AUTH_ACCOUNT_LOCKED: { status: 423, zh: '账户已锁定，请 {minutes} 分钟后再试', en: 'Account locked; try again in {minutes} minutes' },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账户已停用', en: 'Account disabled' },
  AUTH_CSRF_INVALID: { status: 403, zh: '安全令牌无效，请刷新页面', en: 'Invalid CSRF token; reload the page' },
  AUTH_PASSWORD_WEAK: {
    status: 400,
    zh: '密码不符合要求：至少 {minLength} 位，包含 {minClasses} 类字符（大写、小写、数字、符号）',
    en: 'Password too weak: at least {minLength} characters from {minClasses} classes (upper, lower, digit, symbol)',
  },
  AUTH_PASSWORD_WRONG: { status: 400, zh: '原密码不正确', en: 'Current password is wrong' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  AUTH_PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Change your initial password first' },
  AUTH_TOTP_REQUIRED: { status: 401, zh: '请输入动态口令', en: 'Enter the code from your authenticator app' },
  AUTH_TOTP_INVALID: { status: 401, zh: '动态口令错误或已使用', en: 'Wrong or already used authenticator code' },
  AUTH_TOTP_SETUP_REQUIRED: { status: 403, zh: '管理员账户须先绑定动态口令', en: 'Administrator accounts must set up an authenticator first' },
  AUTH_TOTP_ALREADY_ENABLED: {
    status: 409,
    zh: '动态口令已启用；如需更换请联系系统管理员重置',
    en: 'Authenticator already set up; ask an administrator to reset it',
  },
  OUT_OF_SCOPE: { status: 403, zh: '该对象不在您的管辖范围内', en: 'This object is outside your scope' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  VERSION_CONFLICT: { status: 409, zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  DUPLICATE: { status: 409, zh: '记录已存在：{field}', en: 'Already exists: {field}' },
  CONFLICT: { status: 409, zh: '操作与当前状态冲突', en: 'Conflicts with the current state' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '文件过大（上限 {limit}）', en: 'File too large (limit {limit})' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的文件类型', en: 'Unsupported file type' },
  IMPORT_TOO_MANY_ROWS: {
    status: 400,
    zh: '文件数据行数超过上限（最多 {limit} 行），请拆分后分批导入',
    en: 'Too many data rows (at most {limit}); split the file',
  },
  IMPORT_BAD_HEADER: {
    status: 400,
    zh: '表头缺少必填列：{missing}（请使用导入模板）',
    en: 'The header row lacks required columns: {missing} (use the template)',
  },
  IMPORT_EMPTY: { status: 400, zh: '文件中没有数据行', en: 'The file has no data rows' },
  IMPORT_EMPTY_FILE: { status: 400, zh: '文件中没有数据', en: 'The file has no data' },
  IMPORT_XLS_UNSUPPORTED: {
    status: 415,
    zh: '不支持旧版 Excel 97–2003 (.xls) 文件或加密的工作簿：请在 Excel 或 WPS 中打开，另存为 → Excel 工作簿 (*.xlsx)（如有打开密码请先取消），再上传',
    en: 'Old Excel 97–2003 (.xls) files and password-protected workbooks cannot be read: open it in Excel or WPS, Save As → Excel Workbook (*.xlsx) (remove any opening password), then upload that',
  },
  IMPORT_UNSAFE_FILE: {
    status: 400,
    zh: '文件结构异常或解压后过大，已拒绝：{reason}',
    en: 'The file was refused as malformed or too large when unpacked: {reason}',
  },
  IMPORT_BUSY: { status: 429, zh: '导入任务排队过多，请稍后再试', en: 'Too many imports are queued; try again later' },
  IMPORT_NO_REPORT: { status: 409, zh: '导入尚未完成，或没有失败的行', en: 'The import has not finished, or no row failed' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; slow down' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown };
}

/** Fills `{name}` placeholders. */
export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}
