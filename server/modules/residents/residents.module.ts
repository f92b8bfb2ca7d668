import { defineModule } from '../module';
import { residentsRoutes } from './residents.routes';
import { residentMoves, residentNameKeys, residents } from './residents.table';
import { actorOf } from '../../lib/context';
import { seedPopulation } from '../../db/seed/population';

/** The population register: residents, their moves and the name search index. */
export const residentsModule = defineModule({
  name: 'residents',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./residents.fixtures'),
  // The demo city's people: buildings, households, residents and care records (DOMAIN.md's numbers).
  seed: { run: async (database, options) => void (await seedPopulation(database, options)) },
  tables: [residents, residentMoves, residentNameKeys],
  scopeKeys: { residents: 'rekeyed', resident_moves: 'history', resident_name_keys: 'derived' },
  auditActions: {
    'residents.create': { zh: '登记居民', en: 'Register a resident' },
    'residents.update': { zh: '修改居民信息', en: 'Change a resident' },
    'residents.place': { zh: '为待分配居民指定网格', en: 'Place a resident in a grid' },
    'residents.reveal': { zh: '查看完整身份证号/电话', en: 'Reveal an ID number or phone' },
    'residents.lookup': { zh: '按完整证件号/电话查找', en: 'Look up by full ID number or phone' },
    'residents.export': { zh: '导出居民名册（脱敏）', en: 'Export residents (masked)' },
    'residents.export.reveal': { zh: '导出居民名册（含完整信息）', en: 'Export residents (unmasked)' },
  },
  // No readable name: a resident's name is personal data, and the auditors hold no registry permission.
  auditObjects: { resident: { label: { zh: '居民', en: 'Resident' } } },
  workbench: (services, ctx) => services.residents.workbench(actorOf(ctx)),
  routes: (app, { services, config }) => app.register(residentsRoutes, { residents: services.residents, searchRateLimit: config.searchRateLimit }),
});
