/** The buildings feature's own strings (Chinese first). */
import { defineMessages } from '../../lib/define-messages';

export const zh = {
  'list.title': '楼栋',
  'list.search': '输入楼栋名称或地址搜索',
  'list.empty': '没有符合条件的楼栋',
  'col.name': '楼栋',
  'col.address': '地址',
  'col.floors': '层数',
  'col.units': '单元数',
  'col.builtYear': '建成年份',
  'col.community': '社区',
  'col.grid': '网格',
  'col.households': '住户数',
  'detail.notFound': '找不到该楼栋，或不在您的管辖范围内',
  'detail.back': '返回列表',
  'detail.info': '楼栋信息',
  'detail.households': '楼内住户',
  'detail.noHouseholds': '楼内暂无住户',
  'hh.room': '门牌/室号',
  'hh.number': '户号',
  'hh.head': '户主',
  'hh.members': '人数',
  'hh.type': '户类型',
  'hh.status': '状态',
  'hh.search': '按室号、户主筛选',
  'sheet.title': '{name} 住户表',
  'sheet.back': '返回楼栋',
  'sheet.print': '打印住户表',
  'sheet.total': '合计 {n} 户',
} as const;

export type BuildingsMessageKey = keyof typeof zh;

export const en: Record<BuildingsMessageKey, string> = {
  'list.title': 'Buildings',
  'list.search': 'Search by building name or address',
  'list.empty': 'No building matches',
  'col.name': 'Building',
  'col.address': 'Address',
  'col.floors': 'Floors',
  'col.units': 'Units',
  'col.builtYear': 'Built',
  'col.community': 'Community',
  'col.grid': 'Grid',
  'col.households': 'Households',
  'detail.notFound': 'No such building, or not in your area',
  'detail.back': 'Back to the list',
  'detail.info': 'Building',
  'detail.households': 'Households in the building',
  'detail.noHouseholds': 'No household in this building yet',
  'hh.room': 'Room',
  'hh.number': 'Household no.',
  'hh.head': 'Head',
  'hh.members': 'Members',
  'hh.type': 'Type',
  'hh.status': 'Status',
  'hh.search': 'Filter by room or head',
  'sheet.title': 'Households of {name}',
  'sheet.back': 'Back to the building',
  'sheet.print': 'Print the household list',
  'sheet.total': '{n} households in all',
};

/** The buildings feature's strings (listed in its manifest) and t() for them in the current language. */
export const buildingsMessages = defineMessages(zh, en);
export const useBuildingsT = buildingsMessages.useT;
