/**
 * The side menu, built from the user's permissions: an entry shows when the user holds its permission,
 * a group when at least one child shows. Pure data so it can be tested without a browser.
 */
import type { Permission } from '@shared/domain/permissions';
import type { MessageKey } from '../lib/messages';

export interface MenuEntry {
  /** The route path (groups: a stable key). */
  key: string;
  label: MessageKey;
  /** Needed to see the entry; none means every signed-in user. */
  permission?: Permission;
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  { key: '/', label: 'menu.dashboard' },
  {
    key: 'population',
    label: 'menu.population',
    permission: 'residents.read',
    children: [
      { key: '/residents', label: 'menu.residents', permission: 'residents.read' },
      { key: '/households', label: 'menu.households', permission: 'households.read' },
      { key: '/buildings', label: 'menu.buildings', permission: 'buildings.read' },
      { key: '/statistics', label: 'menu.statistics', permission: 'stats.read' },
      { key: '/imports', label: 'menu.imports', permission: 'residents.import' },
    ],
  },
  { key: '/regions', label: 'menu.regions', permission: 'regions.read' },
  { key: '/accounts', label: 'menu.accounts', permission: 'accounts.manage' },
  { key: '/grant-approvals', label: 'menu.grantApprovals', permission: 'accounts.approve' },
  { key: '/audit', label: 'menu.audit', permission: 'audit.read' },
];

/** The entries this user may see. */
export function menuFor(permissions: readonly Permission[], entries: MenuEntry[] = MENU): MenuEntry[] {
  const has = new Set(permissions);
  const out: MenuEntry[] = [];
  for (const e of entries) {
    if (e.permission && !has.has(e.permission)) continue;
    if (e.children) {
      const children = menuFor(permissions, e.children);
      if (children.length) out.push({ ...e, children });
    } else out.push(e);
  }
  return out;
}

/** The menu key to highlight for a path (longest matching entry; '' when none, e.g. on the 404 page). */
export function selectedKey(pathname: string, entries: MenuEntry[] = MENU): string {
  let best = pathname === '/' ? '/' : '';
  const visit = (list: MenuEntry[]) => {
    for (const e of list) {
      if (e.children) visit(e.children);
      else if (e.key !== '/' && (pathname === e.key || pathname.startsWith(`${e.key}/`)) && e.key.length > best.length) best = e.key;
    }
  };
  visit(entries);
  return best;
}

/** The group that contains a path's entry, to open it. */
export function groupOf(key: string, entries: MenuEntry[] = MENU): string | undefined {
  return entries.find((e) => e.children?.some((c) => c.key === key))?.key;
}
