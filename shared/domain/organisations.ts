/**
 * Organisations of a community (DOMAIN.md §3.2): their types, the roles members hold in them, and what
 * party membership means for a member's political status. Stable codes; labels in both languages.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const ORGANISATION_TYPES = [
  'party_general_branch',
  'party_branch',
  'residents_committee',
  'residents_group',
  'social',
  'intermediary',
  'volunteer_team',
  'culture_team',
  'patrol_team',
  'building_guard_team',
  'resident_unit',
  'owners_committee',
  'property_company',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS: Labels<OrganisationType> = {
  party_general_branch: { zh: '党总支', en: 'Party general branch' },
  party_branch: { zh: '党支部', en: 'Party branch' },
  residents_committee: { zh: '居民委员会', en: "Residents' committee" },
  residents_group: { zh: '居民小组', en: "Residents' group" },
  social: { zh: '社会组织', en: 'Social organisation' },
  intermediary: { zh: '中介服务组织', en: 'Intermediary organisation' },
  volunteer_team: { zh: '志愿者队伍', en: 'Volunteer team' },
  culture_team: { zh: '文化队伍', en: 'Culture team' },
  patrol_team: { zh: '治安巡逻队', en: 'Patrol team' },
  building_guard_team: { zh: '看楼护院队', en: 'Building-guard team' },
  resident_unit: { zh: '驻区单位', en: 'Resident unit' },
  owners_committee: { zh: '业主委员会', en: "Owners' committee" },
  property_company: { zh: '物业服务企业', en: 'Property company' },
};

/** Party organisations: their members are party members. */
export const PARTY_TYPES: readonly OrganisationType[] = ['party_general_branch', 'party_branch'];

export const MEMBER_ROLES = [
  'secretary',
  'deputy_secretary',
  'director',
  'deputy_director',
  'committee_member',
  'leader',
  'contact',
  'member',
  'probationary_member',
  'representative',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Labels<MemberRole> = {
  secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  director: { zh: '主任', en: 'Director' },
  deputy_director: { zh: '副主任', en: 'Deputy director' },
  committee_member: { zh: '委员', en: 'Committee member' },
  leader: { zh: '队长/负责人', en: 'Leader' },
  contact: { zh: '联络人', en: 'Contact' },
  member: { zh: '成员', en: 'Member' },
  probationary_member: { zh: '预备党员', en: 'Probationary party member' },
  representative: { zh: '居民小组代表', en: "Residents'-group representative" },
};

/** Roles that only organisations of these types have (a 居民小组代表 is a residents' group's). */
export const ROLE_TYPES: Partial<Record<MemberRole, readonly OrganisationType[]>> = {
  representative: ['residents_group'],
};

/**
 * Representatives each residents' group sends to a group-representative election (城市居民委员会组织法:
 * 每个居民小组推选代表二至三人). A count outside it is shown as a warning, not refused: a group may be
 * between a representative leaving and the next being chosen.
 */
export const GROUP_REPRESENTATIVES = { min: 2, max: 3 } as const;

/** Whether a residents' group's current representatives are as many as the law asks. */
export function groupRepresentativesOk(current: number, rule: { min: number; max: number } = GROUP_REPRESENTATIVES): boolean {
  return current >= rule.min && current <= rule.max;
}

/** Organisations whose parent, when set, must be of one of these types (a 党支部 under a 党总支 …). */
export const PARENT_TYPES: Partial<Record<OrganisationType, readonly OrganisationType[]>> = {
  party_branch: ['party_general_branch'],
  residents_group: ['residents_committee'],
};

/**
 * The political status a resident must have to be recorded with `role` in an organisation of `type`:
 * a member of a party organisation is a party member (预备党员 for the probationary role); other
 * organisations ask nothing. `current` is kept when it already agrees (a full member stays one even when
 * recorded as an ordinary member; a probationary member recorded as secretary is an error the caller
 * reports). Returns null when nothing is required or nothing changes.
 */
export function requiredPoliticalStatus(type: OrganisationType, role: MemberRole, current: string | null): 'party_member' | 'probationary_member' | null {
  if (!PARTY_TYPES.includes(type)) return null;
  const wanted = role === 'probationary_member' ? 'probationary_member' : 'party_member';
  if (current === wanted) return null;
  // A full member recorded as probationary stays a full member (the record is about the branch, not a demotion).
  if (wanted === 'probationary_member' && current === 'party_member') return null;
  return wanted;
}
