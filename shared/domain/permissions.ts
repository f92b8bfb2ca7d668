/**
 * Roles, permissions and which role holds which permission. Pure data: the server enforces it,
 * the web app builds its menu from it.
 */

/** Every named permission a route can require. */
export const PERMISSIONS = [
  'regions.read',
  'regions.manage',
  'regions.redivide',
  'accounts.manage',
  'accounts.approve',
  'audit.read',
  'audit.verify',
  'security.manage',
  'residents.read',
  'residents.write',
  'residents.reveal',
  /** Exact ID-number and full-phone look-ups (a person at a window hands over a card): limited and audited. */
  'residents.lookup',
  'residents.import',
  'residents.export',
  'care.basic.read',
  'care.welfare.read',
  'care.justice.read',
  'care.write',
  'households.read',
  'households.write',
  'buildings.read',
  'buildings.write',
  'stats.read',
  /** Residents' committee elections: the list, the roll (personal data), the tally preview. */
  'elections.read',
  /** Running an election: derive and correct the roll, nominate, enter counts, compute the result. */
  'elections.write',
  'self.read',
  /** File one's own objection to the published voter roll of one's community (选民名单异议), within its window. */
  'self.object',
  /** Organisations (党组织、居委会、社会组织、队伍、驻区单位) with members and honours. */
  'orgs.read',
  'orgs.write',
  /** Community cadres (社区干部): profiles, training, insurance, staffing against the standard. */
  'cadres.read',
  'cadres.write',
  /** The staffing standard and training cadence (city-wide settings). */
  'cadres.configure',
  /** The four haves (四有): read statuses, premises, rules, funding; preview 以奖代补. */
  'fourhaves.read',
  /** Record premises, rules and head-counts of a community. */
  'fourhaves.write',
  /** Record budgets, allocations and spending. */
  'funding.write',
  /** Change the 四有 standards (a city setting). */
  'fourhaves.settings',
  /** 以奖代补: the rounds and the lines of one's own communities (amount, reason, payments). */
  'awards.read',
  /** Enter inspection scores of a community (until the evaluation module computes them). */
  'awards.write',
  /** Open and change a round, record payments (the civil affairs bureau). */
  'awards.manage',
  /** Approve a round: its amounts are frozen (the civil affairs bureau only). */
  'awards.approve',
  /** 通知公告: read the notices that reach one's scope (staff: their regions, above and below; residents: published ones of their own community, street and city). */
  'notices.read',
  /** Publish, edit and withdraw notices addressed to a region within one's own scope. */
  'notices.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Roles (DOMAIN.md §2). The 三员 (system, security, audit administrators) hold no registry permission. */
export const ROLES = ['sysadmin', 'secadmin', 'auditadmin', 'city', 'department', 'street', 'worker', 'gridworker', 'police', 'resident'] as const;
export type Role = (typeof ROLES)[number];

/** The three administrators (三员); 等保 level 3 asks them for a second factor at sign-in. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditadmin'];

/** Roles whose grant must name a region of one level (a grid worker: a grid). Others: any level. */
export const ROLE_REGION_LEVEL: Partial<Record<Role, 'city' | 'street' | 'community' | 'grid'>> = { gridworker: 'grid' };

/** Department domains (the windows in a service station). */
export const DOMAINS = ['civil', 'police', 'health', 'labour', 'justice', 'culture', 'cityscape', 'family', 'construction', 'finance', 'organisation'] as const;
export type DepartmentDomain = (typeof DOMAINS)[number];

const registryRead: Permission[] = ['regions.read', 'residents.read', 'households.read', 'buildings.read', 'stats.read', 'care.basic.read'];
const fourHavesRead: Permission[] = ['fourhaves.read'];
const fourHavesWrite: Permission[] = ['fourhaves.read', 'fourhaves.write', 'funding.write'];
const registryWrite: Permission[] = ['residents.write', 'households.write', 'buildings.write', 'care.write', 'residents.import', 'residents.export'];

/**
 * What each role may do, inside the region its grant names. The read permissions of the sensitive
 * categories (care.welfare.read, care.justice.read) are not listed here: SENSITIVE_CATEGORIES names who
 * holds them, and permissionsOf adds them.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sysadmin: ['accounts.manage', 'regions.read', 'regions.manage'],
  // Approves the grants the system administrator makes that carry personal data or an administrator role.
  secadmin: ['security.manage', 'audit.verify', 'accounts.approve'],
  auditadmin: ['audit.read', 'audit.verify'],
  // Elections: the civil affairs bureau guides them city-wide, street offices run them, community workers do the work.
  city: [
    ...registryRead,
    ...registryWrite,
    'residents.reveal',
    'regions.manage',
    'regions.redivide',
    'orgs.read',
    'orgs.write',
    'cadres.read',
    'cadres.write',
    'cadres.configure',
    ...fourHavesWrite,
    'fourhaves.settings',
    'awards.read',
    'awards.write',
    'awards.manage',
    'awards.approve',
    'elections.read',
    'elections.write',
    'notices.read',
    'notices.write',
  ],
  // residents.lookup: the roles that serve people at a window (service stations: community workers, street
  // offices, community police, the departments' windows, DOMAIN.md §3.6). The city bureau serves no window.
  department: [...registryRead, 'residents.export', 'residents.lookup', 'orgs.read', ...fourHavesRead, 'notices.read'],
  // The street office runs its communities' cadre teams (appointments, training); a community keeps its
  // own organisations and reads its own team.
  street: [
    ...registryRead,
    ...registryWrite,
    'residents.reveal',
    'residents.lookup',
    'orgs.read',
    'orgs.write',
    'cadres.read',
    'cadres.write',
    ...fourHavesWrite,
    // Street offices inspect their communities (DOMAIN.md §2) and enter the 以奖代补 scores.
    'awards.read',
    'awards.write',
    'elections.read',
    'elections.write',
    'notices.read',
    'notices.write',
  ],
  worker: [
    ...registryRead,
    ...registryWrite,
    'residents.reveal',
    'residents.lookup',
    'orgs.read',
    'orgs.write',
    'cadres.read',
    ...fourHavesWrite,
    'awards.read',
    'elections.read',
    'elections.write',
    'notices.read',
    'notices.write',
  ],
  // A community worker whose grant is one grid (DOMAIN.md §2): the same registry work, within the grid.
  // Imports go into the grid's community with every row placed in the grid (the import refuses rows
  // elsewhere). The community-wide registers (organisations, cadres, 四有, elections) are the community's, not a grid's.
  // Notices: every staff role reads those reaching its scope; the civil affairs bureau, street offices and
  // community workers publish them (a grid worker and the police read only).
  gridworker: [...registryRead, ...registryWrite, 'residents.reveal', 'residents.lookup', 'notices.read'],
  police: [...registryRead, 'residents.reveal', 'residents.export', 'residents.lookup', 'orgs.read', 'notices.read'],
  // A resident reads the published notices of their own community, street and city (the portal, DOMAIN.md §3.13).
  resident: ['self.read', 'self.object', 'notices.read'],
};

/**
 * Which permissions read, reveal or change other people's personal data (residents, households, care
 * records, the people in a building). A Record, so that a new permission cannot be added unclassified.
 */
export const PERSONAL_DATA: Record<Permission, boolean> = {
  'regions.read': false,
  'regions.manage': false,
  // Moves people between scopes: a business decision, but it reads no one's record.
  'regions.redivide': false,
  'accounts.manage': false,
  'accounts.approve': false,
  'audit.read': false,
  'audit.verify': false,
  'security.manage': false,
  'residents.read': true,
  'residents.write': true,
  'residents.reveal': true,
  'residents.import': true,
  'residents.export': true,
  // A full ID number or phone typed at a window finds the person: it reads their record.
  'residents.lookup': true,
  'care.basic.read': true,
  'care.welfare.read': true,
  'care.justice.read': true,
  'care.write': true,
  'households.read': true,
  'households.write': true,
  'buildings.read': true,
  'buildings.write': true,
  'stats.read': false,
  // The roll lists voters by name; running an election changes it.
  'elections.read': true,
  'elections.write': true,
  // One's own record only.
  'self.read': false,
  'self.object': false,
  // Members are named residents, party membership among them.
  'orgs.read': true,
  'orgs.write': true,
  // Cadres' birth dates, education, pay and insurance.
  'cadres.read': true,
  'cadres.write': true,
  'cadres.configure': false,
  // Rooms, rules, head-counts and money of a community: no one's personal record.
  'fourhaves.read': false,
  'fourhaves.write': false,
  'funding.write': false,
  'fourhaves.settings': false,
  // Scores and amounts of communities; the inspector's name is an official's, not a personal record.
  'awards.read': false,
  'awards.write': false,
  'awards.manage': false,
  'awards.approve': false,
  // Public notices of a region; the author is an official, named as such.
  'notices.read': false,
  'notices.write': false,
};

/** Roles whose grants read personal data across a whole city (or a whole domain of it). */
export const CITY_WIDE_ROLES: readonly Role[] = ['city', 'department'];

/**
 * A grant that takes effect only once a second person approves it (三员): it carries personal-data
 * permissions, or it makes an administrator.
 */
export function grantNeedsApproval(role: Role, domain?: string | null): boolean {
  return ADMIN_ROLES.includes(role) || permissionsOf(role, domain).some((p) => PERSONAL_DATA[p]);
}

/**
 * A grant that reads personal data city-wide (SENSITIVE_TOTP): a city or department role, or any
 * personal-data grant on the whole city.
 */
export function grantIsCityWide(role: Role, regionLevel: string, domain?: string | null): boolean {
  const personal = permissionsOf(role, domain).some((p) => PERSONAL_DATA[p]);
  return personal && (CITY_WIDE_ROLES.includes(role) || regionLevel === 'city');
}

/**
 * Extra permissions a department grant gets from its domain, besides the sensitive reads that
 * SENSITIVE_CATEGORIES gives it (none today: the next modules add theirs, e.g. labour → jobs).
 */
export const DOMAIN_PERMISSIONS: Partial<Record<DepartmentDomain, readonly Permission[]>> = {};

/** The roles whose grants are limited to their domain (a department: its domain, city-wide or under its region). */
export const DOMAIN_LIMITED_ROLES: readonly Role[] = ['department'];

/** Categories of record that are sensitive in themselves: being in one says something private about a person. */
export const SENSITIVE_CATEGORY_KEYS = ['released', 'correction', 'disability', 'dibao', 'tekun'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORY_KEYS)[number];

/** Who may read the records of one sensitive category. */
export interface SensitiveCategoryRule {
  label: { zh: string; en: string };
  /** The permission the readers hold (and the route and scope checks ask for); every category sharing it has the same readers. */
  permission: Permission;
  /** Roles that read it inside their grant's region. */
  roles: readonly Role[];
  /** Department domains that read it (a department grant of another domain does not). */
  domains: readonly DepartmentDomain[];
  /** Why these readers. */
  why: string;
}

/** The readers of the justice categories and of the welfare categories (every category sharing a permission has the same readers). */
const JUSTICE_READERS = { permission: 'care.justice.read', roles: ['city', 'police'], domains: ['police', 'justice'] } as const;
const WELFARE_READERS = { permission: 'care.welfare.read', roles: ['city', 'street', 'worker', 'gridworker'], domains: ['civil'] } as const;

/**
 * The one table of sensitive categories and their readers. Any other role does not see the records, the
 * rows, nor a column or badge saying a person is in the category (server/lib/scope.ts: sensitiveSql,
 * categoryCovers). 安置帮教 and 社区矫正 are justice facts (DOMAIN.md §3.11: police and justice); disability
 * and poverty (低保, 特困) are welfare facts the civil affairs side and the community's own staff work with.
 * The next modules (safety, assistance, jobs) key their records by these codes.
 */
export const SENSITIVE_CATEGORIES: Record<SensitiveCategory, SensitiveCategoryRule> = {
  released: {
    label: { zh: '刑满释放人员（安置帮教）', en: 'Released person under 帮教' },
    ...JUSTICE_READERS,
    why: '安置帮教 is run by the justice bureau with the community police; the bureau oversees',
  },
  correction: {
    label: { zh: '社区矫正对象', en: 'Community correction' },
    ...JUSTICE_READERS,
    why: 'community correction is run by the justice bureau with the community police; the bureau oversees',
  },
  disability: {
    label: { zh: '残疾人', en: 'Person with disability' },
    ...WELFARE_READERS,
    why: 'a welfare fact: subsidies and visits by civil affairs, the street office and the community',
  },
  dibao: {
    label: { zh: '低保对象', en: 'Minimum living allowance (低保)' },
    ...WELFARE_READERS,
    why: 'a welfare fact: assistance by civil affairs, the street office and the community',
  },
  tekun: {
    label: { zh: '特困人员', en: 'Extreme poverty support (特困)' },
    ...WELFARE_READERS,
    why: 'a welfare fact: assistance by civil affairs, the street office and the community',
  },
};

/** Whether a category code is one of the sensitive ones. */
export const isSensitiveCategory = (category: string): category is SensitiveCategory => (SENSITIVE_CATEGORY_KEYS as readonly string[]).includes(category);

/** Whether one grant (role and domain) may read a sensitive category at all (where: its region). */
export function grantReadsSensitive(grant: { role: Role; domain?: string | null }, category: SensitiveCategory): boolean {
  const rule = SENSITIVE_CATEGORIES[category];
  if (rule.roles.includes(grant.role)) return true;
  return DOMAIN_LIMITED_ROLES.includes(grant.role) && !!grant.domain && (rule.domains as readonly string[]).includes(grant.domain);
}

/**
 * The permission a category of record is read with: a sensitive one's from SENSITIVE_CATEGORIES,
 * any other the table's ordinary read permission.
 */
export const readPermissionOf = (category: string, ordinary: Permission): Permission =>
  isSensitiveCategory(category) ? SENSITIVE_CATEGORIES[category].permission : ordinary;

/** Permissions of one grant. */
export function permissionsOf(role: Role, domain?: string | null): Permission[] {
  const base = ROLE_PERMISSIONS[role] ?? [];
  const extra = DOMAIN_LIMITED_ROLES.includes(role) && domain ? (DOMAIN_PERMISSIONS[domain as DepartmentDomain] ?? []) : [];
  const sensitive = SENSITIVE_CATEGORY_KEYS.filter((c) => grantReadsSensitive({ role, domain }, c)).map((c) => SENSITIVE_CATEGORIES[c].permission);
  return [...new Set([...base, ...extra, ...sensitive])];
}

/** Display names for roles. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditadmin: { zh: '审计管理员', en: 'Audit administrator' },
  city: { zh: '市民政局', en: 'Civil affairs bureau' },
  department: { zh: '职能部门', en: 'Department' },
  street: { zh: '街道办事处', en: 'Street office' },
  worker: { zh: '社区工作者', en: 'Community worker' },
  gridworker: { zh: '网格员', en: 'Grid worker' },
  police: { zh: '社区民警', en: 'Community police' },
  resident: { zh: '居民', en: 'Resident' },
};
