/**
 * The demo city's cadre teams (DOMAIN.md §5, the speech): in every community 5 full-time cadres (one of them
 * the teacher seconded with pay as the director's assistant — 9 in all), 1 part-time cadre and 3 police (a
 * community officer and two of the 18 auxiliary police). Elected cadres are residents of the community;
 * trainings spread over the last three years, so some are overdue; some lack insurance.
 */
import type { CadrePost, CadreSource } from '../../../shared/domain/staffing';
import type { Database } from '../../db/client';
import { COMMUNITIES } from '../../db/seed/demo-city';
import { pickGivenName, pickSurname } from '../../db/seed/names';
import { REFERENCE_DATE } from '../../db/seed/population';
import { rng } from '../../db/seed/random';
import { addDays } from '../../../shared/domain/dates';
import { makeIdNumber } from '../../../shared/domain/id-number';
import { checkEligibility, noticeEnd, RECRUITMENT_DEFAULTS, type EducationLevel } from '../../../shared/domain/recruitment';
import { today } from '../../lib/clock';
import type { FieldCrypto } from '../../lib/crypto';
import { identityColumns } from '../../lib/identity';
import { CadresRepository } from './cadres.repository';
import { RecruitmentRepository } from './recruitment.repository';
import type { cadres } from './cadres.table';

const TEAM: { post: CadrePost; source: CadreSource; party: number; education: string[]; ages: [number, number]; resident: boolean }[] = [
  { post: 'secretary_director', source: 'elected', party: 1, education: ['bachelor', 'college'], ages: [40, 55], resident: true },
  { post: 'deputy_director', source: 'elected', party: 0.8, education: ['college', 'bachelor', 'senior'], ages: [35, 52], resident: true },
  { post: 'committee_member', source: 'recruited', party: 0.6, education: ['bachelor', 'college'], ages: [26, 40], resident: false },
  { post: 'full_time_worker', source: 'recruited', party: 0.4, education: ['bachelor', 'college', 'master'], ages: [24, 38], resident: false },
  { post: 'director_assistant', source: 'seconded', party: 0.7, education: ['bachelor', 'college'], ages: [28, 45], resident: false },
  { post: 'part_time_worker', source: 'elected', party: 0.5, education: ['senior', 'college', 'vocational'], ages: [45, 62], resident: true },
  { post: 'police_officer', source: 'assigned_police', party: 0.9, education: ['bachelor', 'college'], ages: [30, 50], resident: false },
  { post: 'auxiliary_police', source: 'assigned_police', party: 0.2, education: ['senior', 'vocational', 'college'], ages: [22, 40], resident: false },
  { post: 'auxiliary_police', source: 'assigned_police', party: 0.2, education: ['senior', 'vocational', 'college'], ages: [22, 40], resident: false },
];
const COURSES: [string, string][] = [
  ['社区工作者岗位培训班', 'short_course'],
  ['全市社区建设工作会议（以会代训）', 'meeting'],
  ['城市居民委员会组织法专题学习', 'online'],
  ['社区服务与社会救助业务培训', 'short_course'],
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Seeds each community's team of 5 + 1 + 3 (skips when cadres already exist). */
export async function seedCadres(database: Database, seed: number): Promise<void> {
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM cadres');
  if (n > 0) return;
  const repo = new CadresRepository(database.db);
  const communities = await database.query<{ id: string; code: string }>(`SELECT id, code FROM regions WHERE level = 'community'`);
  const byCode = new Map(communities.map((c) => [c.code, c.id]));
  const r = rng((seed ^ 0x00cad7e5) >>> 0);
  const refYear = Number(REFERENCE_DATE.slice(0, 4));
  const rows: (typeof cadres.$inferInsert)[] = [];
  for (const def of COMMUNITIES) {
    const communityId = byCode.get(def.code);
    if (!communityId) continue;
    // Elected cadres are residents of the community aged 35–60, in the registry's order.
    const locals = await database.query<{ id: string; name: string; sex: 'M' | 'F'; birth_date: string }>(
      `SELECT id, name, sex, birth_date::text AS birth_date FROM residents WHERE community_id = $1 AND status = 'active'
         AND birth_date BETWEEN '${refYear - 60}-01-01' AND '${refYear - 35}-12-31' ORDER BY id LIMIT 3`,
      [communityId],
    );
    let local = 0;
    for (const m of TEAM) {
      const person = m.resident ? locals[local++] : undefined;
      const sex: 'M' | 'F' = person?.sex ?? (r.chance(0.55) ? 'F' : 'M');
      const year = refYear - r.int(m.ages[0], m.ages[1]);
      const seconded = m.source === 'seconded';
      const police = m.source === 'assigned_police';
      rows.push({
        communityId,
        residentId: person?.id ?? null,
        name: person?.name ?? `${pickSurname(r)}${pickGivenName(r, sex, year)}`,
        sex,
        birthDate: person?.birth_date ?? `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
        post: m.post,
        source: m.source,
        education: r.pick(m.education),
        partyMember: r.chance(m.party),
        payGrade: seconded ? '事业编制（原单位发薪）' : police ? (m.post === 'police_officer' ? '公安编制' : '协警二级') : r.pick(['一级', '二级', '三级']),
        // The speech: 考虑为他们办理在职期间的基本养老和医疗保险 — not everyone has them yet.
        pensionInsured: seconded || m.post === 'police_officer' || r.chance(0.7),
        medicalInsured: seconded || m.post === 'police_officer' || r.chance(0.8),
        // The teachers and auxiliary police came "今年初"; the others over the last terms.
        startDate: seconded || m.post === 'auxiliary_police' ? `${refYear}-02-20` : `${r.int(2012, 2024)}-${pad(r.int(1, 12))}-01`,
        phone: `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      });
    }
  }
  await repo.seed(rows, (id, i) => {
    const row = rows[i];
    const t = rng((seed + i * 7919) >>> 0);
    // One to three trainings over the last three years; new arrivals had one on arrival.
    const count = row.startDate!.startsWith(String(refYear)) ? 1 : t.int(0, 3);
    return Array.from({ length: count }, (_, k) => {
      const [course, form] = t.pick(COURSES);
      const date = row.startDate!.startsWith(String(refYear)) ? `${refYear}-03-0${k + 1}` : `${refYear - t.int(0, 3)}-${pad(t.int(1, 6))}-${pad(t.int(1, 28))}`;
      return { communityId: row.communityId, cadreId: id, course, form, hours: form === 'meeting' ? 4 : t.pick([8, 16, 24]), date };
    });
  });
}

/**
 * One recruitment of the demo city (the speech's 公开招聘): 城东社区 seeks two full-time community workers.
 * The window closed a month ago, applicants were checked (one too old, one without the education), the
 * written test and the interview are scored (40 % + 60 %, 1.5 invited per place), and the ranking has been
 * on public notice for three days: the notice ends in four. Dates follow today, so the demo always shows a
 * notice under way. Skips when a posting exists.
 */
export async function seedRecruitment(database: Database, seed: number, crypto: FieldCrypto): Promise<void> {
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM cadre_postings');
  if (n > 0) return;
  const [community] = await database.query<{ id: string; code: string }>(`SELECT id, code FROM regions WHERE level = 'community' AND code = $1`, [
    COMMUNITIES[0].code,
  ]);
  if (!community) return;
  const r = rng((seed ^ 0x7ec2017) >>> 0);
  const day = today();
  const year = Number(day.slice(0, 4));
  const closesOn = addDays(day, -30);
  const noticeStart = addDays(day, -3);
  const posting = {
    communityId: community.id,
    title: `${year}年城东社区公开招聘专职社区工作者`,
    post: 'full_time_worker',
    quota: 2,
    ageMax: 35,
    educationMin: 'college',
    otherConditions: '热爱社区工作，具有较强的组织协调和群众工作能力；本市户籍或在本市连续居住满一年',
    opensOn: addDays(day, -45),
    closesOn,
    noticeStart,
    noticeEnd: noticeEnd(noticeStart, RECRUITMENT_DEFAULTS.noticeDays),
  };
  // [age on closing, education, written, interview] — eligibility is computed below, like the service does.
  const people: [number, string, number | null, number | null][] = [
    [27, 'bachelor', 86.5, 88],
    [31, 'bachelor', 82, 79.5],
    [25, 'master', 84, 85],
    [29, 'college', 78.5, null],
    [33, 'college', 74, null],
    [26, 'bachelor', 71.5, null],
    [41, 'bachelor', null, null],
    [24, 'senior', null, null],
  ];
  const applications = people.map(([age, education, written, interview], i) => {
    const sex: 'M' | 'F' = r.chance(0.6) ? 'F' : 'M';
    const birth = `${Number(closesOn.slice(0, 4)) - age - 1}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
    const id = identityColumns(crypto, makeIdNumber(community.code.slice(0, 6), birth, 100 + i * 2, sex));
    const check = checkEligibility(
      { ageMin: null, ageMax: posting.ageMax, educationMin: 'college' },
      { birthDate: id.birthDate, education: education as EducationLevel },
      closesOn,
    );
    return {
      communityId: community.id,
      name: `${pickSurname(r)}${pickGivenName(r, sex, Number(birth.slice(0, 4)))}`,
      idCipher: id.idCipher,
      idHash: id.idHash,
      idMasked: id.idMasked,
      sex: id.sex,
      birthDate: id.birthDate,
      education,
      phone: `13${r.int(5, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      eligibility: check.eligible ? 'pass' : 'fail',
      eligibilityReason: check.eligible ? null : check.reason.zh,
      writtenScore: check.eligible ? written : null,
      interviewScore: check.eligible ? interview : null,
    };
  });
  await new RecruitmentRepository(database.db).seed(posting, applications);
}
