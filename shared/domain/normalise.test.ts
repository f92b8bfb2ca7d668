import { describe, expect, it } from 'vitest';
import { normaliseDigits, normaliseIdText, normaliseName, normalisePhone } from './normalise';

describe('normaliseName', () => {
  it('removes the spaces inside a Chinese name', () => {
    expect(normaliseName('李  明')).toBe('李明');
    expect(normaliseName(' 欧阳\u3000 娜娜 ')).toBe('欧阳娜娜');
  });

  it('keeps one space between Latin name parts', () => {
    expect(normaliseName('John   Smith')).toBe('John Smith');
    expect(normaliseName(' Anna  Maria  Li ')).toBe('Anna Maria Li');
  });

  it('joins a minority name around its middle dot', () => {
    expect(normaliseName('艾力 · 买买提')).toBe('艾力·买买提');
  });

  it('drops invisible characters', () => {
    expect(normaliseName('王\u200b小明\ufeff')).toBe('王小明');
  });
});

describe('normaliseDigits and friends', () => {
  it('turns full-width digits and Ｘ of an ID number into ASCII', () => {
    expect(normaliseIdText('３４１８８１１９８００５１７１２３ｘ')).toBe('34188119800517123X');
    expect(normaliseIdText(' 341881 1980 0517 123x ')).toBe('34188119800517123X');
  });

  it('turns a full-width phone with spaces into digits', () => {
    expect(normalisePhone('１３８ ００００ １１１１')).toBe('13800001111');
    expect(normalisePhone('０５５１－６２８８８８８８')).toBe('0551-62888888');
  });

  it('leaves Chinese text alone', () => {
    expect(normaliseDigits('城东第１网格')).toBe('城东第1网格');
  });
});
