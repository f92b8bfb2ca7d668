import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../../shared/domain/permissions';
import { en, zh } from '../lib/messages';
import { FEATURES } from '../features';
import { breadcrumbFor, buildMenu, groupOf, menuFor, selectedKey } from './menu';

const labels = (perms: ReturnType<typeof permissionsOf>) => {
  const out: string[] = [];
  const walk = (list: ReturnType<typeof menuFor>) => list.forEach((e) => (out.push(zh[e.label]), e.children && walk(e.children)));
  walk(menuFor(perms));
  return out;
};

describe('the side menu', () => {
  it('shows a community worker the registry, organisations and cadres, 四有 and elections, but not the administration pages', () => {
    const shown = labels(permissionsOf('worker'));
    expect(shown).toEqual([
      '工作台',
      '通知公告',
      '人口管理',
      '居民信息',
      '家庭户',
      '楼栋',
      '统计报表',
      '数据导入',
      '组织与队伍',
      '社区组织',
      '社区干部',
      '四有建设',
      '四有达标',
      '用房建设项目',
      '经费台账',
      '奖补方案',
      '奖补试算',
      '换届选举',
      '区域',
    ]);
  });

  it('shows community police the organisations but not the cadre register', () => {
    const shown = labels(permissionsOf('police'));
    expect(shown).toContain('社区组织');
    expect(shown).not.toContain('社区干部');
  });

  it('shows the system administrator accounts and regions but not the registry', () => {
    expect(labels(permissionsOf('sysadmin'))).toEqual(['工作台', '区域', '账户管理']);
  });

  it('shows the security administrator the grant approvals and the security pages', () => {
    expect(labels(permissionsOf('secadmin'))).toEqual(['工作台', '授权审批', '安全设置', '锁定账户', '在线会话', '审计链校验']);
  });

  it('shows a grid worker the registry pages a community worker sees, not the community-wide registers', () => {
    const community = ['组织与队伍', '社区组织', '社区干部', '四有建设', '四有达标', '用房建设项目', '经费台账', '奖补方案', '奖补试算', '换届选举'];
    expect(labels(permissionsOf('gridworker'))).toEqual(labels(permissionsOf('worker')).filter((l) => !community.includes(l)));
  });

  it('shows the audit administrator the audit log only', () => {
    expect(labels(permissionsOf('auditadmin'))).toEqual(['工作台', '审计日志']);
  });

  it('leaves out a group whose entries are all hidden (a resident gets their own page, no 人口管理)', () => {
    expect(labels(permissionsOf('resident'))).toEqual(['工作台', '我的信息', '通知公告', '我的选举']);
  });

  it('highlights the entry of a nested path and opens its group', () => {
    expect(selectedKey('/residents/123')).toBe('/residents');
    expect(selectedKey('/')).toBe('/');
    expect(selectedKey('/nowhere')).toBe('');
    expect(groupOf('/households')).toBe('population');
  });

  it('gives a page its breadcrumb: the group, then the entry, linked back from a page below it', () => {
    expect(breadcrumbFor('/residents')).toEqual([
      { key: 'population', label: 'menu.population' },
      { key: '/residents', label: 'menu.residents', link: undefined },
    ]);
    expect(breadcrumbFor('/residents/123')).toEqual([
      { key: 'population', label: 'menu.population' },
      { key: '/residents', label: 'menu.residents', link: '/residents' },
    ]);
    expect(breadcrumbFor('/')).toEqual([{ key: '/', label: 'menu.dashboard', link: undefined }]);
    expect(breadcrumbFor('/nowhere')).toEqual([]);
  });
});

describe('the features', () => {
  it('each open a route of their own with every menu entry they declare', () => {
    for (const f of FEATURES) {
      const paths = f.routes.map((r) => (r.index ? '/' : `/${r.path}`));
      for (const item of f.menu ?? []) expect(paths, `${f.name} ${item.key}`).toContain(item.key);
    }
  });

  it('have an English text for every Chinese one, with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const withMessages = FEATURES.filter((f) => f.messages);
    expect(withMessages.length).toBeGreaterThanOrEqual(5);
    for (const { name, messages } of withMessages) {
      const { zh, en } = messages!;
      expect(Object.keys(en).sort(), name).toEqual(Object.keys(zh).sort());
      for (const key of Object.keys(zh)) expect(names(en[key]!), `${name}:${key}`).toEqual(names(zh[key]!));
    }
  });

  it('refuse a menu entry in a group the menu does not know', () => {
    expect(() => buildMenu([{ name: 'x', routes: [{ path: 'x' }], menu: [{ key: '/x', label: 'menu.audit', group: 'nowhere', order: 1 }] }])).toThrow(
      /unknown groups/,
    );
  });
});

describe('the dictionary', () => {
  it('has an English text for every Chinese one, with the same placeholders', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(en[key], key).toBeTruthy();
      expect(names(en[key]), key).toEqual(names(zh[key]));
    }
  });
});
