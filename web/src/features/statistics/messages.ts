/** The statistics feature's own strings (Chinese first). */
import { defineMessages } from '../../lib/define-messages';

export const zh = {
  title: '统计报表',
  scope: '统计范围：{name}',
  scopeAll: '统计范围：全部管辖区域',
  asOf: '截至 {time}',
  residents: '在册人口',
  households: '家庭户',
  buildings: '楼栋',
  grids: '网格',
  communities: '社区',
  avgSize: '平均户规模',
  movedOut: '已迁出',
  deceased: '已死亡',
  byCommunity: '各社区人口',
  community: '社区',
  share: '占比',
  careGroups: '关怀对象',
  careGroup: '类别',
  count: '人数',
  careEmpty: '暂无关怀对象',
  pyramid: '人口金字塔',
  pyramidLabel: '人口金字塔：男性在左，女性在右，每 5 岁一组',
  male: '男',
  female: '女',
  age: '年龄',
  map: '社区人口分布',
  mapLabel: '社区边界地图，按在册人口着色',
  mapEmpty: '暂无社区边界数据',
  people: '人',
  residenceTypes: '居住类型',
  total: '合计',
} as const;

export type StatisticsMessageKey = keyof typeof zh;

export const en: Record<StatisticsMessageKey, string> = {
  title: 'Statistics',
  scope: 'Scope: {name}',
  scopeAll: 'Scope: everything you cover',
  asOf: 'As of {time}',
  residents: 'Registered residents',
  households: 'Households',
  buildings: 'Buildings',
  grids: 'Grids',
  communities: 'Communities',
  avgSize: 'Average household size',
  movedOut: 'Moved out',
  deceased: 'Deceased',
  byCommunity: 'Residents by community',
  community: 'Community',
  share: 'Share',
  careGroups: 'Care groups',
  careGroup: 'Group',
  count: 'People',
  careEmpty: 'No one in a care group',
  pyramid: 'Population pyramid',
  pyramidLabel: 'Population pyramid: men on the left, women on the right, 5-year bands',
  male: 'Male',
  female: 'Female',
  age: 'Age',
  map: 'Residents by community',
  mapLabel: 'Map of community boundaries coloured by registered residents',
  mapEmpty: 'No community boundaries yet',
  people: 'people',
  residenceTypes: 'Residence types',
  total: 'Total',
};

/** The statistics feature's strings (listed in its manifest) and t() for them in the current language. */
export const statisticsMessages = defineMessages(zh, en);
export const useStatisticsT = statisticsMessages.useT;
