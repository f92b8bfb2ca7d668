import { describe, expect, it } from 'vitest';
import {
  birthAgrees,
  detectHeader,
  guessColumns,
  guessIsCertain,
  isNoteLine,
  knownTarget,
  layoutKey,
  missingFields,
  parseBirthText,
  parseCareGroups,
  parseSexText,
  planFromGuess,
} from './ledger-header';

const ID = '341881197503080125';
const LEDGER_HEADER = ['序号', '姓名', '性别', '公民身份号码', '出生年月', '现居住地址', '人员类别', '联系方式', '备注'];
const DATA = ['1', '李明', '女', ID, '1975.03', '幸福小区3栋201', '高龄;独居', '13800001111', ''];

describe('detectHeader', () => {
  it('skips a merged title row, a blank-ish row and 填报 lines above the header', () => {
    const rows = [['城东社区居民信息台账（2026年11月）'], ['填报单位：城东社区居委会', '', '', '', '填报日期：2026-11-20'], LEDGER_HEADER, DATA];
    const h = detectHeader(rows);
    expect(h.headerStart).toBe(2);
    expect(h.dataStart).toBe(3);
    expect(h.header).toEqual(LEDGER_HEADER);
  });

  it('folds a grouped header whose sub-names sit under a merged 联系方式', () => {
    const upper = ['序号', '姓名', '身份证号码', '联系方式', '', '人员类别'];
    const lower = ['', '', '', '手机号', '固定电话', ''];
    const h = detectHeader([['标题'], upper, lower, ['1', '李明', ID, '13800001111', '0551-1234567', '低保']]);
    expect(h.header).toEqual(['序号', '姓名', '身份证号码', '手机号', '固定电话', '人员类别']);
    expect(h.dataStart).toBe(3);
  });

  it('folds a group row merged above the real names, taking 序号 merged down from it', () => {
    const groups = ['序号', '基本信息', '', '', '居住信息', ''];
    const names = ['', '姓名', '身份证号', '性别', '现住址', '人员类别'];
    const h = detectHeader([groups, names, ['1', '李明', ID, '女', '幸福小区', '低保']]);
    expect(h.header).toEqual(['序号', '姓名', '身份证号', '性别', '现住址', '人员类别']);
    expect(h.headerStart).toBe(0);
    expect(h.dataStart).toBe(2);
  });

  it('falls back to the first row of several cells when no column name is known', () => {
    const h = detectHeader([['台账'], ['甲', '乙', '丙'], ['1', '2', '3']]);
    expect(h.headerStart).toBe(1);
    expect(h.header).toEqual(['甲', '乙', '丙']);
  });

  it('does not take a data row below the header for a second header row', () => {
    const h = detectHeader([
      ['姓名', '身份证号', '网格'],
      ['李明', ID, '第1网格'],
    ]);
    expect(h.dataStart).toBe(1);
  });
});

describe('isNoteLine', () => {
  it('recognises 制表人 and 填报日期 lines but not residents', () => {
    expect(isNoteLine(['制表人：王芳', '', '审核人：张伟'])).toBe(true);
    expect(isNoteLine(['填 报 日 期：2026年11月'])).toBe(true);
    expect(isNoteLine(DATA)).toBe(false);
  });
});

describe('guessColumns', () => {
  it('knows the ledger synonyms and 序号 as a column that carries nothing', () => {
    const g = guessColumns(LEDGER_HEADER);
    expect(g.map((c) => c.guess)).toEqual(['ignore', 'name', 'sex', 'idNumber', 'birthDate', 'address', 'careGroups', 'phone', 'notes']);
    expect(g.every((c) => c.status === 'known')).toBe(true);
    expect(guessIsCertain(g)).toBe(true);
  });

  it('knows every synonym the issue lists', () => {
    for (const n of ['公民身份号码', '身份证号码', '证件号码']) expect(knownTarget(n)).toBe('idNumber');
    for (const n of ['现居住地址', '现住址', '家庭住址']) expect(knownTarget(n)).toBe('address');
    for (const n of ['人员类别', '类别', '特殊人群']) expect(knownTarget(n)).toBe('careGroups');
    for (const n of ['联系方式', '手机号']) expect(knownTarget(n)).toBe('phone');
    expect(knownTarget(' *姓 名（必填）')).toBe('name');
    expect(knownTarget('idNumber')).toBe('idNumber');
  });

  it('guesses a header that contains a known name and asks about unknown columns', () => {
    const g = guessColumns(['姓名', '居民身份证号', '户籍地派出所', '']);
    expect(g[1]).toMatchObject({ guess: 'idNumber', status: 'guessed' });
    expect(g[2]).toMatchObject({ guess: null, status: 'unknown' });
    expect(g).toHaveLength(3);
    expect(guessIsCertain(g)).toBe(false);
    expect(planFromGuess(g)).toEqual({ 姓名: 'name', 居民身份证号: 'idNumber', 户籍地派出所: 'ignore' });
  });

  it('gives a repeated column its own key and does not map the field twice', () => {
    const g = guessColumns(['姓名', '身份证号', '备注', '备注']);
    expect(g[3]).toMatchObject({ key: '备注（2）', guess: 'ignore', status: 'duplicate' });
  });

  it('names a blank header column that has data by its position', () => {
    const g = guessColumns(['姓名', '身份证号', ''], [['李明', ID, '党员']]);
    expect(g[2]).toMatchObject({ key: '第3列', status: 'unknown' });
  });

  it('names the required fields a mapping leaves out', () => {
    expect(missingFields({ 姓名: 'name', 住址: 'address' })).toEqual(['idNumber']);
  });

  it('gives the same layout the same key and a different one another', () => {
    expect(layoutKey(guessColumns(LEDGER_HEADER))).toBe(layoutKey(guessColumns([...LEDGER_HEADER])));
    expect(layoutKey(guessColumns(LEDGER_HEADER))).not.toBe(layoutKey(guessColumns(LEDGER_HEADER.slice(1))));
  });
});

describe('parseCareGroups', () => {
  it('splits on every separator people use', () => {
    expect(parseCareGroups('独居；低保、优抚对象,刑满释放 下岗失业;流动人口，留守儿童').groups).toEqual([
      'elderly_alone',
      'dibao',
      'youfu',
      'released',
      'unemployed',
      'floating',
      'left_behind_child',
    ]);
  });

  it('keeps 高龄 as derived and reports words that match nothing', () => {
    expect(parseCareGroups('高龄;独居;孤儿')).toEqual({ groups: ['elderly_alone'], derived: ['高龄'], unknown: ['孤儿'] });
  });

  it('reads an empty cell or 无 as no group', () => {
    expect(parseCareGroups('无')).toEqual({ groups: [], derived: [], unknown: [] });
    expect(parseCareGroups('')).toEqual({ groups: [], derived: [], unknown: [] });
  });
});

describe('sex and birth checks', () => {
  it('reads 男/女 and the birth formats of ledgers', () => {
    expect(parseSexText('女')).toBe('F');
    expect(parseSexText('男性')).toBe('M');
    expect(parseSexText('?')).toBeNull();
    expect(parseBirthText('1975.03')).toEqual({ y: 1975, m: 3, d: null });
    expect(parseBirthText('1975年3月8日')).toEqual({ y: 1975, m: 3, d: 8 });
    expect(parseBirthText('１９７５-０３-０８')).toEqual({ y: 1975, m: 3, d: 8 });
    expect(parseBirthText('197503')).toEqual({ y: 1975, m: 3, d: null });
    expect(parseBirthText('27461')).toEqual({ y: 1975, m: 3, d: 8 });
    expect(parseBirthText('不详')).toBeNull();
  });

  it('compares a birth cell with the ID number to the month, or the day when given', () => {
    expect(birthAgrees('1975.03', '1975-03-08')).toBe(true);
    expect(birthAgrees('1975/3/9', '1975-03-08')).toBe(false);
    expect(birthAgrees('1976.03', '1975-03-08')).toBe(false);
    expect(birthAgrees('?', '1975-03-08')).toBeNull();
    // 1975.10 typed as a number reaches the import as 1975.1.
    expect(birthAgrees('1975.1', '1975-10-08')).toBe(true);
  });
});
