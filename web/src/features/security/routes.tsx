import type { RouteObject } from 'react-router-dom';
import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import { securityMessages } from './messages';

/** The security administrator's pages (三员): settings, locked accounts, sessions, the audit chain check. */
export const securityRoutes: RouteObject[] = [
  {
    path: 'security/settings',
    handle: { permission: 'security.manage' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/SecuritySettingsPage')).SecuritySettingsPage }),
  },
  {
    path: 'security/locked-accounts',
    handle: { permission: 'security.manage' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/LockedAccountsPage')).LockedAccountsPage }),
  },
  {
    path: 'security/sessions',
    handle: { permission: 'security.manage' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/SessionsPage')).SessionsPage }),
  },
  {
    path: 'security/audit-chain',
    handle: { permission: 'audit.verify' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/AuditChainPage')).AuditChainPage }),
  },
];

/** The security feature: its pages and menu entries (listed in features/index.ts). */
export const securityFeature: Feature = {
  name: 'security',
  routes: securityRoutes,
  menu: [
    { key: '/security/settings', label: 'menu.securitySettings', permission: 'security.manage', order: 96 },
    { key: '/security/locked-accounts', label: 'menu.lockedAccounts', permission: 'security.manage', order: 97 },
    { key: '/security/sessions', label: 'menu.sessions', permission: 'security.manage', order: 98 },
    // The audit administrator checks the chain on the audit log page; the security administrator here.
    { key: '/security/audit-chain', label: 'menu.auditChain', permission: 'security.manage', order: 99 },
  ],
  messages: securityMessages,
};
