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
  AUTH_TOTP_SETUP_REQUIRED: {
    status: 403,
    zh: '此账户须先绑定动态口令（管理员及全市范围读取个人信息的账户）',
    en: 'This account must set up an authenticator first (administrators and accounts reading personal data city-wide)',
  },
  ACCOUNT_OWN: {
    status: 403,
    zh: '不能在账户管理中修改自己的账户；修改密码请在个人菜单中输入原密码',
    en: 'You cannot change your own account here; change your password from your menu with the current one',
  },
  ACCOUNT_ADMIN_PROTECTED: {
    status: 403,
    zh: '管理员（系统、安全、审计管理员）账户不能在此修改、停用、重置或重新授权',
    en: 'Administrator accounts (system, security, audit) cannot be changed, disabled, reset or re-granted here',
  },
  GRANT_SELF_APPROVAL: { status: 403, zh: '不能审批授予自己或由自己提出的授权', en: 'You cannot approve a grant to yourself or one you requested' },
  OUT_OF_SCOPE: { status: 403, zh: '该对象不在您的管辖范围内', en: 'This object is outside your scope' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  VERSION_CONFLICT: { status: 409, zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  DUPLICATE: { status: 409, zh: '记录已存在：{field}', en: 'Already exists: {field}' },
  RESIDENT_ALREADY_PLACED: {
    status: 409,
    zh: '该居民已有网格；更换网格请通过户内调整或迁往他户办理',
    en: 'The resident has a grid already; change it through a household move',
  },
  CONFLICT: { status: 409, zh: '操作与当前状态冲突', en: 'Conflicts with the current state' },
  ELECTION_COUNTED: {
    status: 409,
    zh: '该选举已录入计票或结果，不能再修改或撤销',
    en: 'Counts or results of this election are recorded: it can no longer be edited or withdrawn',
  },
  ELECTION_WITHDRAWN: { status: 409, zh: '该选举已撤销', en: 'This election has been withdrawn' },
  OBJECTION_ANSWERED: { status: 409, zh: '该异议已答复', en: 'This objection has been answered already' },
  OBJECTION_WINDOW_CLOSED: {
    status: 409,
    zh: '选民名单异议期为 {opens} 至 {closes}，今天不在异议期内，不能提出异议',
    en: 'Objections to this voter roll can be filed from {opens} to {closes}; today is outside that window',
  },
  OBJECTION_PENDING: {
    status: 409,
    zh: '您对该选民名单的异议尚在处理中，请等待答复',
    en: 'Your objection to this voter roll is still awaiting its answer',
  },
  RECALL_RECORDED: { status: 409, zh: '该罢免已录入投票结果', en: 'The vote on this recall is recorded already' },
  AWARD_ROUND_FROZEN: {
    status: 409,
    zh: '{year} 年度以奖代补方案已审批，得分和金额已冻结，不能再修改',
    en: 'The {year} award round is approved: its scores and amounts are frozen and can no longer change',
  },
  AWARD_ROUND_NOT_APPROVED: {
    status: 409,
    zh: '{year} 年度以奖代补方案尚未审批，不能登记拨付',
    en: 'The {year} award round is not approved yet: no payment can be recorded',
  },
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
  IMPORT_TOO_MANY_COLUMNS: {
    status: 400,
    zh: '表头有 {count} 列，超过上限 {limit} 列，请确认选择了正确的工作表',
    en: 'The header has {count} columns, more than the {limit} allowed; check that this is the right sheet',
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
  // The search oracle and the personal-read budget (issue 11 items 1, 8, 11).
  LOOKUP_LOCKED: {
    status: 429,
    zh: '按身份证号或手机号查询未找到的次数过多，精确查询已暂停，请 {minutes} 分钟后再试（已记录）',
    en: 'Too many look-ups by ID number or phone found nobody; exact look-ups are paused for {minutes} minutes (recorded)',
  },
  LOOKUP_LIMIT: {
    status: 429,
    zh: '按身份证号或手机号查询已达每小时上限（{limit} 次），请 {minutes} 分钟后再试',
    en: 'Look-ups by ID number or phone are limited to {limit} an hour; try again in {minutes} minutes',
  },
  PERSONAL_READ_BUDGET: {
    status: 429,
    zh: '本小时查阅个人信息已达上限（{limit} 次），已通知安全管理员，请 {minutes} 分钟后再试',
    en: 'You have read personal data {limit} times this hour, the limit; the security administrator has been told. Try again in {minutes} minutes',
  },
  ID_NOT_REGISTRABLE: {
    status: 409,
    zh: '该身份证号无法在此登记，请与上级部门核实',
    en: 'This ID number cannot be registered here; check with the office above you',
  },
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
