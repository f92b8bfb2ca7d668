import { addDays } from './dates';
/**
 * Pure rules of the 工作台 (workbench): the order of the 待办 list and the shortcuts a role's permissions
 * give. The server computes the numbers; these decide what is shown first.
 */
import type { Permission } from './permissions';

/** A text in both languages (zh-CN first). */
export interface BilingualText {
  zh: string;
  en: string;
}

/** The part of a 待办 item its order depends on. */
export interface DatedTodo {
  id: string;
  /** YYYY-MM-DD */
  dueDate: string;
}

/** Whether a due date lies before today (both YYYY-MM-DD, so they compare as strings). */
export function isOverdue(dueDate: string, today: string): boolean {
  return dueDate < today;
}

/**
 * The 待办 list's order: by due date, earliest first — so what is overdue comes before what is due today,
 * which comes before what is due later; ties by id, so the order is the same on every call.
 */
export function sortTodos<T extends DatedTodo>(todos: readonly T[]): T[] {
  return [...todos].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A daily action on the 工作台, opening a page. */
export interface Shortcut {
  key: string;
  label: BilingualText;
  /** The web route it opens. */
  link: string;
}

/** Every shortcut and the permission it needs, in the order they are shown (the on-foot actions first). */
export const SHORTCUTS: readonly (Shortcut & { permission: Permission })[] = [
  { key: 'self', permission: 'self.read', label: { zh: '我的信息', en: 'My details' }, link: '/me' },
  { key: 'findResident', permission: 'residents.read', label: { zh: '查找居民', en: 'Find a resident' }, link: '/residents' },
  { key: 'registerResident', permission: 'residents.write', label: { zh: '登记居民', en: 'Register a resident' }, link: '/residents?create=1' },
  { key: 'households', permission: 'households.read', label: { zh: '家庭户', en: 'Households' }, link: '/households' },
  { key: 'buildings', permission: 'buildings.read', label: { zh: '楼栋', en: 'Buildings' }, link: '/buildings' },
  { key: 'import', permission: 'residents.import', label: { zh: '数据导入', en: 'Import data' }, link: '/imports' },
  { key: 'statistics', permission: 'stats.read', label: { zh: '统计报表', en: 'Statistics' }, link: '/statistics' },
  { key: 'accounts', permission: 'accounts.manage', label: { zh: '账户管理', en: 'Accounts' }, link: '/accounts' },
  { key: 'approvals', permission: 'accounts.approve', label: { zh: '授权审批', en: 'Grant approvals' }, link: '/grant-approvals' },
  { key: 'audit', permission: 'audit.read', label: { zh: '审计日志', en: 'Audit log' }, link: '/audit' },
];

/** The shortcuts a set of permissions opens, in SHORTCUTS order. */
export function shortcutsFor(permissions: Iterable<Permission>): Shortcut[] {
  const has = new Set(permissions);
  return SHORTCUTS.filter((s) => has.has(s.permission)).map(({ key, label, link }) => ({ key, label, link }));
}

export { addDays };
