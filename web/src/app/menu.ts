/**
 * The side menu, built from the user's permissions: an entry shows when the user holds its permission,
 * a group when at least one child shows. Pure data so it can be tested without a browser.
 */
import type { Permission } from '@shared/domain/permissions';
import { FEATURES } from '../features';
import type { Feature, FeatureMenuItem } from '../lib/feature';
import type { MessageKey } from '../lib/messages';

export interface MenuEntry {
  /** The route path (groups: a stable key). */
  key: string;
  label: MessageKey;
  /** Needed to see the entry; none means every signed-in user. */
  permission?: Permission;
  children?: MenuEntry[];
}

/** The menu's groups: an entry names its group; a group shows when one of its entries does. */
export const MENU_GROUPS: (Omit<MenuEntry, 'children'> & { order: number })[] = [
  { key: 'population', label: 'menu.population', permission: 'residents.read', order: 10 },
  { key: 'organisation', label: 'menu.organisation', permission: 'orgs.read', order: 20 },
  { key: 'fourHaves', label: 'menu.fourHaves', permission: 'fourhaves.read', order: 25 },
];

/** The whole menu, built from the features' entries and the groups, each level sorted by `order`. */
export function buildMenu(features: Feature[] = FEATURES): MenuEntry[] {
  const items = features.flatMap((f) => f.menu ?? []);
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
  const entry = ({ key, label, permission }: FeatureMenuItem): MenuEntry => ({ key, label, permission });
  const top: { order: number; entry: MenuEntry }[] = items.filter((i) => !i.group).map((i) => ({ order: i.order, entry: entry(i) }));
  for (const g of MENU_GROUPS) {
    const children = items
      .filter((i) => i.group === g.key)
      .sort(byOrder)
      .map(entry);
    if (children.length) top.push({ order: g.order, entry: { key: g.key, label: g.label, permission: g.permission, children } });
  }
  const unknown = items.filter((i) => i.group && !MENU_GROUPS.some((g) => g.key === i.group));
  if (unknown.length) throw new Error(`menu entries in unknown groups: ${unknown.map((i) => i.key).join(', ')}`);
  return top.sort(byOrder).map((t) => t.entry);
}

export const MENU: MenuEntry[] = buildMenu();

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

/** One crumb: a menu group (no link), or a menu entry (a link when the page is below it). */
export interface Crumb {
  key: string;
  label: MessageKey;
  link?: string;
}

/**
 * Where a path sits in the menu: its group and its entry. The entry links back when the path is a page
 * below it (a resident's detail under 居民信息); on the entry's own page it is the last crumb, unlinked.
 */
export function breadcrumbFor(pathname: string, entries: MenuEntry[] = MENU): Crumb[] {
  const key = selectedKey(pathname, entries);
  if (!key) return [];
  const group = entries.find((e) => e.children?.some((c) => c.key === key));
  const entry = (group?.children ?? entries).find((e) => e.key === key);
  if (!entry) return [];
  const crumbs: Crumb[] = group ? [{ key: group.key, label: group.label }] : [];
  crumbs.push({ key: entry.key, label: entry.label, link: pathname === key ? undefined : key });
  return crumbs;
}
