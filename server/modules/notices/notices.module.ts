import { defineModule } from '../module';
import { noticesRoutes } from './notices.routes';
import { noticeReads, notices } from './notices.table';
import { seedNotices } from './notices.seed';

/**
 * 通知公告: notices addressed to the city, a street, a community or a grid, read by staff and residents in
 * reach, with read receipts (notice_reads: no region, they follow their notice).
 */
export const noticesModule = defineModule({
  name: 'notices',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./notices.fixtures'),
  // The city's, a street's and the communities' notices (only the region tree is needed).
  seed: { run: (database) => seedNotices(database) },
  tables: [notices, noticeReads],
  // `region_id` names a region whose identity survives a re-division (a moved grid keeps its id, and its
  // notices follow it); `community_id` is set only for a notice addressed to a community itself, which a
  // re-division never moves. Nothing to rewrite.
  scopeKeys: { notices: 'reference' },
  auditActions: {
    'notices.create': { zh: '发布通知公告', en: 'Publish a notice' },
    'notices.update': { zh: '修改通知公告', en: 'Change a notice' },
    'notices.withdraw': { zh: '撤回通知公告', en: 'Withdraw a notice' },
  },
  auditObjects: {
    notice: { label: { zh: '通知公告', en: 'Notice' }, names: (services, ids) => services.notices.auditNames(ids) },
  },
  routes: (app, { services }) => app.register(noticesRoutes, { notices: services.notices }),
  workbench: (services, ctx, today) => services.notices.workbench(ctx, today),
});
