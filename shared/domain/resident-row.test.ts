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
    expect(h.columns[10]).toBe('grid');
  });

  it('accepts marked and alias headers and names the required ones that are missing', () => {
    const h = resolveHeader(['*姓名', '公民身份号码', '手机号', '其他列']);
    expect(h.columns).toEqual(['name', 'idNumber', 'phone', null]);
    expect(h.missing).toEqual(['网格']);
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
    expect(byField['网格'].code).toBe('required');
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
