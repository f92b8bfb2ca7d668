/**
 * The demo city's notices (通知公告), from the speech's topics: the city's call to build 管理有序、服务完善、
 * 环境优美、治安良好、生活便利、人际关系和谐 communities; a street office's 安全小区 and 普法 drive; a pilot
 * community's service-station windows for residents; the 腰鼓队 rehearsal on 世纪广场; the greening campaign
 * "人人动手，家家受益"; re-employment services for laid-off workers; and the recruitment of cadres
 * ("公开招聘、定岗竞争、择优入围、依法选举") for staff. Dates count from the day of seeding, so the demo
 * always has current notices, one scheduled and one withdrawn.
 */
import { addDays } from '../../../shared/domain/dates';
import type { Database } from '../../db/client';
import { CITY, COMMUNITIES, STREETS } from '../../db/seed/demo-city';
import { today } from '../../lib/clock';
import { NoticesRepository } from './notices.repository';
import type { notices } from './notices.table';

interface Plan {
  /** A region code: the city, a street or a community. */
  region: string;
  title: string;
  body: string;
  audience: 'staff' | 'residents' | 'all';
  importance?: 'normal' | 'important';
  pinned?: boolean;
  /** Days from today (negative: already published). */
  from: number;
  until?: number;
  author: string;
  withdrawn?: string;
}

export const NOTICE_PLANS: Plan[] = [
  {
    region: CITY.code,
    title: '关于深入推进社区建设工作的通知',
    body:
      '各街道办事处、各社区居委会：\n\n按照“党政领导、民政牵头、部门分管、街道主办、社区群众参与”的工作格局，全市将继续推进社区建设，' +
      '努力建设管理有序、服务完善、环境优美、治安良好、生活便利、人际关系和谐的新型现代化社区。各社区要在年底前解决活动用房问题，' +
      '凡达不到 300 平方米标准的，要通过新建、改建、配建等办法加快落实。\n\n市民政局',
    audience: 'all',
    importance: 'important',
    pinned: true,
    from: -10,
    author: '市民政局 王科长',
  },
  {
    region: CITY.code,
    title: '社区居委会干部公开招聘工作安排',
    body:
      '按照“公开招聘、定岗竞争、择优入围、依法选举”的办法，今年将为各社区补充专职工作人员。笔试占 40%，面试占 60%，' +
      '按 1.5:1 的比例确定面试人选，结果公示一周。请各街道于本月底前报送岗位需求。',
    audience: 'staff',
    from: -5,
    until: 25,
    author: '市民政局 王科长',
  },
  {
    region: STREETS[0].code,
    title: '东城街道开展安全小区创建和“四五”普法宣传月活动',
    body:
      '街道辖区各社区：本月开展安全小区创建活动，各社区治安巡逻队、看楼护院队要排好班次；同时开展“四五”普法宣传，' +
      '组织法律知识进社区、进楼院。请居民群众积极参与，共建平安社区。',
    audience: 'all',
    from: -3,
    until: 27,
    author: '东城街道 李主任',
  },
  {
    region: COMMUNITIES[0].code,
    title: '城东社区服务站各部门窗口办事指南',
    body:
      '社区服务站已设民政、计生、卫生、公安、劳动、市容、司法、文化等部门窗口，居民可就近办理低保申请、计生服务、' +
      '就业登记、法律咨询等事项。办公时间：工作日 8:30—17:30。',
    audience: 'residents',
    importance: 'important',
    from: -7,
    author: '城东社区 张敏',
  },
  {
    region: COMMUNITIES[0].code,
    title: '下岗职工再就业服务专场',
    body: '本周六上午在社区服务站举办再就业服务专场，家政服务公司、中介服务组织和驻区单位提供岗位，欢迎有就业需求的居民携带身份证参加。',
    audience: 'residents',
    from: -1,
    until: 6,
    author: '城东社区 张敏',
  },
  {
    region: COMMUNITIES[2].code,
    title: '世纪广场老年腰鼓队、太极扇队招募队员',
    body: '世纪社区老年腰鼓队、花环队、太极扇队招募新队员，每周二、四傍晚在世纪广场排练，欢迎社区老年朋友报名参加，让我们老有所乐。',
    audience: 'residents',
    from: -2,
    author: '世纪社区居委会',
  },
  {
    region: COMMUNITIES[3].code,
    title: '城西社区春季绿化卫生活动',
    body: '“人人动手，家家受益，共建洁、绿、亮、美新社区”。本月第三个周六开展楼院绿化和卫生清理，请各楼栋居民参加。',
    audience: 'all',
    from: 5,
    until: 20,
    author: '城西社区 刘芳',
  },
  {
    region: COMMUNITIES[3].code,
    title: '城西社区活动室临时停用',
    body: '因活动用房改造，社区活动室暂停开放。',
    audience: 'residents',
    from: -12,
    author: '城西社区 刘芳',
    withdrawn: '改造推迟，活动室照常开放',
  },
];

/** Inserts the demo notices (the region tree must exist). */
export async function seedNotices(database: Database) {
  const regionRows = await database.query<{ id: string; code: string; level: string }>(`SELECT id, code, level FROM regions`);
  const byCode = new Map(regionRows.map((r) => [r.code, r]));
  const day = today();
  const rows: (typeof notices.$inferInsert)[] = NOTICE_PLANS.filter((p) => byCode.has(p.region)).map((p) => {
    const region = byCode.get(p.region)!;
    return {
      regionId: region.id,
      communityId: region.level === 'community' ? region.id : null,
      title: p.title,
      body: p.body,
      audience: p.audience,
      importance: p.importance ?? 'normal',
      pinned: p.pinned ?? false,
      publishFrom: addDays(day, p.from),
      publishUntil: p.until === undefined ? null : addDays(day, p.until),
      authorName: p.author,
      ...(p.withdrawn ? { withdrawnAt: new Date(), withdrawnReason: p.withdrawn } : {}),
    };
  });
  await new NoticesRepository(database.db).seed(rows);
}
