import type { Rng } from './random';

/**
 * The 100 most common surnames with weights close to the 2020 census shares (per mille), nudged towards
 * southern Anhui (汪、程、胡、方、吴、詹 are more frequent around 宣城), plus one compound surname.
 */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 51],
  ['陈', 46],
  ['杨', 32],
  ['黄', 25],
  ['赵', 22],
  ['吴', 24],
  ['周', 20],
  ['徐', 15],
  ['孙', 14],
  ['马', 13],
  ['朱', 13],
  ['胡', 16],
  ['郭', 11],
  ['何', 10],
  ['林', 10],
  ['高', 10],
  ['罗', 9],
  ['郑', 8],
  ['梁', 8],
  ['谢', 7],
  ['宋', 6],
  ['唐', 6],
  ['许', 6],
  ['韩', 6],
  ['冯', 6],
  ['邓', 5],
  ['曹', 5],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 4],
  ['袁', 4],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 6],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 2.6],
  ['钟', 2.5],
  ['谭', 2.5],
  ['陆', 2.4],
  ['汪', 6],
  ['范', 2.3],
  ['金', 2.3],
  ['石', 2.2],
  ['廖', 2.2],
  ['贾', 2.1],
  ['夏', 2.1],
  ['韦', 2],
  ['付', 2],
  ['方', 3.5],
  ['白', 1.9],
  ['邹', 1.9],
  ['孟', 1.8],
  ['熊', 1.8],
  ['秦', 1.7],
  ['邱', 1.7],
  ['江', 2],
  ['尹', 1.6],
  ['薛', 1.6],
  ['闫', 1.6],
  ['段', 1.5],
  ['雷', 1.5],
  ['侯', 1.5],
  ['龙', 1.5],
  ['史', 1.4],
  ['陶', 1.6],
  ['黎', 1.4],
  ['贺', 1.4],
  ['顾', 1.3],
  ['毛', 1.3],
  ['郝', 1.3],
  ['龚', 1.3],
  ['邵', 1.2],
  ['万', 1.2],
  ['钱', 1.2],
  ['严', 1.2],
  ['覃', 1.1],
  ['武', 1.1],
  ['戴', 1.1],
  ['莫', 1],
  ['孔', 1],
  ['詹', 1.5],
  ['单', 0.5],
  ['欧阳', 0.3],
];

/** Generations whose naming fashions differ. */
export type Generation = 'g1' | 'g2' | 'g3' | 'g4';

/** The naming generation of a birth year. */
export function generationOf(birthYear: number): Generation {
  if (birthYear < 1960) return 'g1';
  if (birthYear < 1980) return 'g2';
  if (birthYear < 2000) return 'g3';
  return 'g4';
}

const split = (s: string) => s.split(/\s+/).filter(Boolean);

/** Given names by generation and sex: the fashions of each era (建国、秀英 … 子轩、梓涵). */
const GIVEN: Record<Generation, { M: string[]; F: string[] }> = {
  g1: {
    M: split(`建国 国华 德明 志强 福生 永福 长江 玉林 树林 根生 金山 有才 宝山 德胜 建华 国庆 解放 援朝 跃进 和平 振华 春生 桂林 忠 福 贵 海 山
      明 德 成 文华 克勤 守仁 家宝 光明 正义 兴华 振国 水生 庆丰 荣华 新华 国栋 志远 汉生 永贵 金生 炳 荣 昌`),
    F: split(`秀英 桂英 秀兰 玉兰 桂兰 凤英 淑珍 玉珍 秀珍 翠花 桂芳 玉梅 素芳 美兰 兰英 春花 金凤 秀云 玉英 凤兰 淑华 秀芳 玉华 桂珍
      素珍 月英 玉芳 秀琴 桂香 菊英 兰 英 芳 珍 凤 琴 秀梅 爱珍 冬梅 彩霞 金兰 淑英 美华 惠珍 玉琴`),
  },
  g2: {
    M: split(`建军 建平 卫东 卫国 红兵 向东 永红 志刚 志勇 建新 国强 立新 军 勇 伟 斌 刚 强 平 军华 晓东 卫华 新民 海涛 建明 春雷
      红军 爱国 学军 东 华 辉 明 峰 健 林 宏 建 永刚 国平 立军 小平 振东 建伟 利民 卫平 文斌 晓明 红星 卫兵 跃华`),
    F: split(`红梅 丽华 红霞 秀梅 卫红 艳 萍 丽 霞 红 燕 敏 静 玲 丽萍 海燕 春梅 小红 红英 雪梅 凤霞 爱华 丽娟 建华 桂花 美玲 小燕
      晓红 艳红 丽君 慧 琴 娟 华 芳 玉霞 春燕 丽丽 红艳 秋菊 爱萍 素梅 金花 晓梅 丽琴 建英`),
  },
  g3: {
    M: split(`伟 磊 涛 杰 鹏 超 浩 亮 俊 强 明 斌 飞 鑫 凯 晨 帅 波 宇 阳 文杰 志鹏 俊杰 晓峰 海波 建波 振宇 浩然 鹏飞 子豪 旭 彬 龙
      成 杨 坤 涛涛 晓东 俊峰 家豪 宇航 志伟 明亮 文博 雪松 天宇 海龙 金龙 建辉 立伟`),
    F: split(`静 丽 敏 婷 娟 燕 艳 芳 丹 倩 晶 雪 琳 佳 颖 婷婷 丹丹 晓丽 晓燕 雪梅 海燕 丽娜 倩倩 莉莉 佳佳 文静 慧敏 梦瑶 璐 蕾 洁
      娜 欢 露 玉洁 晓雪 思雨 梦 晓婷 雅琴 美琪 慧琳 雨婷 佳琪 思佳 晨曦 娇 茜`),
  },
  g4: {
    M: split(`浩然 子轩 宇轩 浩宇 子豪 俊熙 一诺 宇航 博文 天佑 皓轩 沐阳 梓睿 子墨 奕辰 宸 睿 轩 浩 思远 明轩 铭泽 泽宇 承泽 梓豪 煜
      俊宇 博 宇泽 子涵 嘉豪 逸飞 子骞 瑞霖 晨阳 宇辰 景行 子航 皓宇 安 锦程 嘉懿 雨泽 梓航 昊天`),
    F: split(`梓涵 欣怡 紫涵 诗涵 梦琪 雨桐 一诺 依诺 可馨 子涵 思琪 语桐 若汐 梓萱 雨涵 欣妍 佳怡 诗琪 芷若 安琪 雨欣 可欣 悦 萱 琪
      梦瑶 晨曦 诗雨 语嫣 心怡 思彤 雅涵 欣悦 芊芊 沐晴 梓琪 一涵 雨萱 可心 星辰 子萱 乐瑶 妍 思语 书瑶`),
  },
};

/** A surname by frequency. */
export function pickSurname(r: Rng): string {
  return r.weighted(SURNAMES);
}

/** A given name (1–2 characters) that fits the sex and the birth year's naming fashion. */
export function pickGivenName(r: Rng, sex: 'M' | 'F', birthYear: number): string {
  // Names straddle generations: a few years either side borrow the neighbour's fashion.
  const year = birthYear + r.int(-4, 4);
  return r.pick(GIVEN[generationOf(year)][sex]);
}

/** Ethnic groups of a county-level city in southern Anhui: almost all 汉族, 回族 the largest minority. */
export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 9880],
  ['回族', 70],
  ['满族', 20],
  ['畲族', 8],
  ['壮族', 8],
  ['土家族', 6],
  ['蒙古族', 4],
  ['苗族', 4],
];
