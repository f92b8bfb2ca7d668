import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number';
import { describeIssues, IMPORT_COLUMNS, mapResidentRow, resolveHeader, safeCellText } from './resident-row';

const id = makeIdNumber('341881', '1980-05-17', 123, 'M');
const good = { name: '王小明', idNumber: id, grid: '城东第1网格' };

describe('resolveHeader', () => {
  it('maps the template headers to fields and reports nothing missing', () => {
    const h = resolveHeader(IMPORT_COLUMNS.map((c) => c.header));
    expect(h.missing).toEqual([]);
    expect(h.columns[0]).toBe('name');
    expect(h.columns[12]).toBe('grid');
  });

  it('accepts marked and alias headers and names the required ones that are missing', () => {
    const h = resolveHeader(['*姓名', '公民身份号码', '手机号', '其他列']);
    expect(h.columns).toEqual(['name', 'idNumber', 'phone', null]);
    expect(h.missing).toEqual([]);
    expect(h.present.has('phone')).toBe(true);
    expect(h.present.has('notes')).toBe(false);
  });
});

describe('mapResidentRow', () => {
  it('turns Chinese labels into codes and takes birth date and sex from the ID number', () => {
    const r = mapResidentRow({
      ...good,
      politicalStatus: '中共党员',
      residenceType: '户籍常住',
      relationToHead: '户主',
      education: '本科',
      maritalStatus: '已婚',
      employmentStatus: '离退休',
      ethnicity: '回族',
      phone: ' 13800001111 ',
    });
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({
      name: '王小明',
      idNumber: id,
      birthDate: '1980-05-17',
      sex: 'M',
      politicalStatus: 'party_member',
      residenceType: 'registered_resident',
      relationToHead: 'head',
      education: 'bachelor',
      maritalStatus: 'married',
      employmentStatus: 'retired',
      ethnicity: '回族',
      phone: '13800001111',
      grid: '城东第1网格',
    });
  });

  it('fills the defaults for empty optional cells', () => {
    const r = mapResidentRow(good);
    expect(r.value).toMatchObject({ ethnicity: '汉族', residenceType: 'registered_resident', phone: null, relationToHead: null, address: null });
  });

  it('accepts a lower-case x and a 15-digit legacy number', () => {
    expect(mapResidentRow({ ...good, idNumber: id.toLowerCase() }).value?.idNumber).toBe(id);
    const legacy = mapResidentRow({ ...good, idNumber: '341881800517123' });
    expect(legacy.value?.idNumber).toHaveLength(18);
    expect(legacy.value?.birthDate).toBe('1980-05-17');
  });

  it('reports every bad field of a row, each with its column and reason', () => {
    const badCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const r = mapResidentRow({ name: '', idNumber: badCheck, grid: '', phone: '12345', politicalStatus: '党外人士' });
    expect(r.value).toBeNull();
    const byField = Object.fromEntries(r.issues.map((i) => [i.field, i]));
    expect(byField['姓名'].code).toBe('required');
    expect(byField['身份证号'].code).toBe('id_check_digit');
    expect(byField['身份证号'].message).toBe('身份证号校验位错误');
    expect(byField['网格']).toBeUndefined(); // the server places a row without a grid (building, default grid)
    expect(byField['联系电话'].message).toMatch(/电话号码格式不正确/);
    expect(byField['政治面貌'].message).toMatch(/党外人士.*中共党员/);
    expect(describeIssues(r.issues)).toMatch(/^身份证号：身份证号校验位错误；/);
  });

  it('explains an ID number that a spreadsheet turned into a number', () => {
    const r = mapResidentRow({ ...good, idNumber: '341881198005171000', numericId: true });
    expect(r.issues[0]).toMatchObject({ field: '身份证号', code: 'id_numeric' });
  });

  it('refuses a birth date in the future', () => {
    const r = mapResidentRow({ ...good, idNumber: makeIdNumber('341881', '2030-01-01', 1, 'M') }, new Date('2026-01-01'));
    expect(r.issues[0].code).toBe('id_future_birth');
  });
});

describe('safeCellText', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(safeCellText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(safeCellText('+1')).toBe("'+1");
    expect(safeCellText('-1')).toBe("'-1");
    expect(safeCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCellText('王小明')).toBe('王小明');
  });
});

describe('mapResidentRow on ledger rows', () => {
  it('joins the spaces inside a Chinese name and reads a full-width ID number', () => {
    const full = id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const r = mapResidentRow({ name: '王  小明', idNumber: full });
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ name: '王小明', idNumber: id, grid: '' });
  });

  it('refuses a formula cell and a formula-like text as name or ID number', () => {
    const formula = mapResidentRow({ ...good, name: '点我', formulas: ['name'] });
    expect(formula.value).toBeNull();
    expect(formula.issues[0]).toMatchObject({ field: '姓名', code: 'formula' });
    const csvLike = mapResidentRow({ ...good, name: '=HYPERLINK("x","点我")' });
    expect(csvLike.issues[0]).toMatchObject({ field: '姓名', code: 'formula' });
    expect(mapResidentRow({ ...good, idNumber: '@SUM(A1)' }).issues[0]).toMatchObject({ field: '身份证号', code: 'formula' });
  });

  it('says Excel probably rounded an ID number written as 3.41881E+17 or ending in zeros', () => {
    for (const rounded of ['3.41881E+17', '341881198005170000']) {
      const r = mapResidentRow({ ...good, idNumber: rounded });
      expect(r.issues[0]).toMatchObject({ code: 'id_rounded', message: 'Excel 可能已将身份证号按数字四舍五入，请将该列设为文本后重新录入' });
    }
  });

  it('stores sex and birth date from the ID number and warns when the ledger disagrees', () => {
    const r = mapResidentRow({ ...good, sex: '女', birthDate: '1980.06' });
    expect(r.value).toMatchObject({ sex: 'M', birthDate: '1980-05-17' });
    expect(r.warnings.map((w) => w.code)).toEqual(['sex_mismatch', 'birth_mismatch']);
    expect(mapResidentRow({ ...good, sex: '男', birthDate: '1980年5月' }).warnings).toEqual([]);
  });

  it('reads care groups, sets 流动人口 as the residence type, and warns about unknown words', () => {
    const r = mapResidentRow({ ...good, careGroups: '流动人口、低保；孤儿' });
    expect(r.value).toMatchObject({ careGroups: ['floating', 'dibao'], residenceType: 'floating' });
    expect(r.warnings).toMatchObject([{ field: '人员类别', code: 'care_unknown' }]);
  });
});
