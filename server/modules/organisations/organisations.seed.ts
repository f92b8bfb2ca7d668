/**
 * The demo city's organisations (DOMAIN.md §5, the speech): 9 党总支 (one per community) and 11 党支部
 * (two in each pilot community, one in five others), a residents' committee with residents' groups in
 * every community, 世纪社区's square culture teams (老年腰鼓队、花环队、太极扇、太极剑、京剧票友协会), the
 * pilot communities' publicity, patrol and building-guard teams, 城中's 家政服务公司 and 城东's 中介服务组织,
 * resident units (驻区单位) with what they contribute, volunteer teams, and 城东's honours
 * (文明单位、先进集体), and each residents' group's 2–3 representatives (居民小组代表) for a group-representative
 * election. Members are residents of the community (party organisations: registered party
 * members, so no political status changes), read from the registry seeded before.
 */
import type { Database } from '../../db/client';
import { COMMUNITIES } from '../../db/seed/demo-city';
import { REFERENCE_DATE } from '../../db/seed/population';
import { rng } from '../../db/seed/random';
import { OrganisationsRepository } from './organisations.repository';
import type { organisationMembers } from './organisations.table';

type Person = { id: string; name: string };
type MemberInsert = typeof organisationMembers.$inferInsert;

/** 党支部 per community, in COMMUNITIES order: 2 + 2 + 2 + 1 + 1 + 1 + 1 + 1 + 0 = 11. */
const BRANCHES = [2, 2, 2, 1, 1, 1, 1, 1, 0];
const CULTURE_TEAMS = ['老年腰鼓队', '花环队', '太极扇队', '太极剑队', '京剧票友协会'];
const UNITS: [string, string][] = [
  ['市第一中学', '节假日开放操场和礼堂，供社区文体活动使用'],
  ['市人民医院', '每季度义诊，为高龄老人建立健康档案'],
  ['市供电公司', '共建资金每年 2 万元，党员志愿者结对困难户'],
  ['工商银行城区支行', '赞助社区文化节，开展防诈骗宣传'],
  ['市实验小学', '暑期为双职工家庭子女开设托管班'],
  ['市自来水公司', '为社区活动用房减免水费，维修楼道水管'],
  ['市邮政分局', '代收代缴服务进社区'],
  ['市烟草专卖局', '共建资金每年 1 万元'],
  ['市图书馆', '在社区设立图书流通点'],
];

/** Seeds the organisations of every community (skips when some already exist). */
export async function seedOrganisations(database: Database, seed: number): Promise<void> {
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
  if (n > 0) return;
  const repo = new OrganisationsRepository(database.db);
  const communities = await database.query<{ id: string; code: string; name: string }>(`SELECT id, code, name FROM regions WHERE level = 'community'`);
  const byCode = new Map(communities.map((c) => [c.code, c]));
  const r = rng((seed ^ 0x0a9a1157) >>> 0);
  const refYear = Number(REFERENCE_DATE.slice(0, 4));

  for (const [index, def] of COMMUNITIES.entries()) {
    const c = byCode.get(def.code);
    if (!c) continue;
    const short = c.name.replace(/社区$/, '');
    const people = async (where: string, limit: number, offset = 0) =>
      database.query<Person>(
        `SELECT id, name FROM residents WHERE community_id = $1 AND status = 'active' AND ${where} ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
        [c.id],
      );
    const adults = (from: number, to: number) => `birth_date BETWEEN '${refYear - to}-01-01' AND '${refYear - from}-12-31'`;
    const partyMembers = await people(`political_status = 'party_member'`, 40 + 15 * BRANCHES[index]);
    const elderly = await people(adults(60, 80), 12 * CULTURE_TEAMS.length + 40);
    const middle = await people(adults(30, 59), 60);
    let elderlyAt = 0;
    let middleAt = 0;
    const take = (list: Person[], from: 'elderly' | 'middle', count: number) => {
      const at = from === 'elderly' ? elderlyAt : middleAt;
      const out = list.slice(at, at + count);
      if (from === 'elderly') elderlyAt += count;
      else middleAt += count;
      return out;
    };
    const members: MemberInsert[] = [];
    const join = (orgId: string, list: Person[], roles: string[], startDate: string) => {
      list.forEach((p, i) => members.push({ communityId: c.id, organisationId: orgId, residentId: p.id, name: p.name, role: roles[i] ?? 'member', startDate }));
    };
    const org = (values: Parameters<OrganisationsRepository['insert']>[0]) => repo.insert(values);
    const founded = (year: number) => `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

    // Party: the general branch with its committee, the branches under it, each with members.
    const general = await org({ communityId: c.id, type: 'party_general_branch', name: `中共${c.name}总支部委员会`, foundedDate: founded(2003) });
    join(general.id, partyMembers.slice(0, 5), ['secretary', 'deputy_secretary', 'committee_member', 'committee_member', 'committee_member'], '2021-06-30');
    for (let b = 0; b < BRANCHES[index]; b++) {
      const branch = await org({
        communityId: c.id,
        type: 'party_branch',
        name: `中共${c.name}第${['一', '二', '三'][b]}支部委员会`,
        parentId: general.id,
        foundedDate: founded(2004),
      });
      join(branch.id, partyMembers.slice(5 + b * 15, 5 + (b + 1) * 15), ['secretary', 'committee_member'], `${r.int(2010, 2022)}-07-01`);
    }
    // The residents' committee and its groups.
    const committee = await org({
      communityId: c.id,
      type: 'residents_committee',
      name: `${c.name}居民委员会`,
      foundedDate: founded(2003),
      address: `${short}社区服务中心`,
    });
    join(
      committee.id,
      take(middle, 'middle', 7),
      ['director', 'deputy_director', 'committee_member', 'committee_member', 'committee_member', 'committee_member', 'committee_member'],
      '2021-05-20',
    );
    const groups: string[] = [];
    for (let g = 1; g <= 4; g++) {
      const group = await org({ communityId: c.id, type: 'residents_group', name: `${short}第${g}居民小组`, parentId: committee.id });
      join(group.id, take(middle, 'middle', 1), ['leader'], '2021-06-01');
      groups.push(group.id);
    }
    // Each group's representatives (居民小组代表, 2–3 by the law), chosen with the committee of 2021:
    // registered voters of the community taken from the other end of the id order than everyone else
    // (so the rest of the demo stays as it was, and a small demo city still has them), 3, 2, 3, 2 by
    // group with no draw from the generator.
    const voters = await database.query<Person>(
      `SELECT id, name FROM residents WHERE community_id = $1 AND status = 'active' AND residence_type IN ('registered_resident', 'registered_away')
         AND ${adults(25, 70)} ORDER BY id DESC LIMIT 10`,
      [c.id],
    );
    let voterAt = 0;
    for (const [g, groupId] of groups.entries()) {
      const count = g % 2 === 0 ? 3 : 2;
      join(groupId, voters.slice(voterAt, voterAt + count), Array<string>(count).fill('representative'), '2021-06-01');
      voterAt += count;
    }
    const volunteers = await org({ communityId: c.id, type: 'volunteer_team', name: `${short}社区志愿者服务队`, foundedDate: founded(2008) });
    join(volunteers.id, [...take(middle, 'middle', 4), ...take(elderly, 'elderly', 6)], ['leader'], '2022-03-05');
    // 世纪社区: the square's culture teams.
    if (def.code === COMMUNITIES[2].code) {
      for (const name of CULTURE_TEAMS) {
        const team = await org({ communityId: c.id, type: 'culture_team', name: `${short}${name}`, foundedDate: founded(2006), address: '世纪广场' });
        join(team.id, take(elderly, 'elderly', r.int(8, 12)), ['leader'], `${r.int(2006, 2015)}-04-01`);
      }
    }
    // The three pilot communities: publicity, patrol and building-guard teams.
    if (def.pilot) {
      for (const [type, name] of [
        ['culture_team', '文化宣传队'],
        ['patrol_team', '治安巡逻队'],
        ['building_guard_team', '看楼护院队'],
      ] as const) {
        const team = await org({ communityId: c.id, type, name: `${short}${name}`, foundedDate: founded(2007) });
        join(team.id, take(elderly, 'elderly', 6), ['leader'], '2018-05-01');
      }
    }
    if (def.code === COMMUNITIES[1].code)
      await org({ communityId: c.id, type: 'social', name: `${short}社区家政服务公司`, foundedDate: founded(2005), contactPerson: '陈美华' });
    if (def.code === COMMUNITIES[0].code)
      await org({ communityId: c.id, type: 'intermediary', name: `${short}社区再就业中介服务站`, foundedDate: founded(2005), contactPerson: '孙建军' });
    // Resident units (驻区单位) with what they contribute.
    for (let u = 0; u < 2; u++) {
      const [name, contribution] = UNITS[(index * 2 + u) % UNITS.length];
      await org({ communityId: c.id, type: 'resident_unit', name, contribution, contactPerson: '办公室', foundedDate: null });
    }
    if (index % 3 === 0) {
      await org({ communityId: c.id, type: 'owners_committee', name: `${short}花园业主委员会`, foundedDate: founded(2015) });
      await org({ communityId: c.id, type: 'property_company', name: `${short}物业服务有限公司`, foundedDate: founded(2010), contactPhone: '0563-0000000' });
    }
    const honours =
      def.code === COMMUNITIES[0].code
        ? [
            { title: '文明单位', year: 2023, issuer: '市精神文明建设委员会' },
            { title: '先进集体', year: 2024, issuer: '市民政局' },
            { title: '文明单位', year: 2025, issuer: '市精神文明建设委员会' },
          ].map((h) => ({ ...h, communityId: c.id, organisationId: committee.id }))
        : [];
    await repo.seed({ orgs: [], members, honours });
  }
}
