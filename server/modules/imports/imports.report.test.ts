import { describe, expect, it } from 'vitest';
import { maskReport } from './imports.report';

const place = () => ({ communityId: 'c' });
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('maskReport', () => {
  it('masks ID numbers in the ID column, in other cells and in the reason, full-width digits included', () => {
    const id = '341881195003084321';
    const { rows, revealed } = maskReport(
      ['姓名', '公民身份号码', '备注'],
      [{ line: 2, cells: ['张三', fullWidth(id), `配偶：${fullWidth(id)}`], error: `身份证号：${id} 校验位错误` }],
      place,
      () => false,
    );
    expect(revealed).toBe(0);
    expect(JSON.stringify(rows)).not.toMatch(/[0-9０-９]{8}/);
    expect(rows[0]!.cells[1]).toBe('341881********4321');
    expect(rows[0]!.error).toBe('身份证号：341881********4321 校验位错误');
    expect(rows[0]!.cells[2]).toBe('配偶：341881********4321');
  });

  it('shows the rows in full to a reader who may reveal where they belong, and counts them', () => {
    const cells = ['李四', '341881195003084321'];
    expect(maskReport(['姓名', '身份证号'], [{ line: 2, cells, error: 'x' }], place, () => true)).toEqual({
      rows: [{ line: 2, cells, error: 'x' }],
      revealed: 1,
    });
  });
});
