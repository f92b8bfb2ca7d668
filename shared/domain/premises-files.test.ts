import { describe, expect, it } from 'vitest';
import { safeFileName, sniffPremisesFile } from './premises-files';

const bytes = (...b: number[]) => Uint8Array.from(b);
const zipWith = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);

describe('sniffPremisesFile', () => {
  it('knows JPEG and PNG photos by their first bytes', () => {
    expect(sniffPremisesFile(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toEqual({ kind: 'photo', contentType: 'image/jpeg', extension: 'jpg' });
    expect(sniffPremisesFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))?.contentType).toBe('image/png');
  });
  it('knows a PDF, a Word and an Excel document', () => {
    expect(sniffPremisesFile(Buffer.from('%PDF-1.7\n'))?.kind).toBe('document');
    expect(sniffPremisesFile(zipWith('[Content_Types].xml', 'word/document.xml'))?.extension).toBe('docx');
    expect(sniffPremisesFile(zipWith('[Content_Types].xml', 'xl/workbook.xml'))?.extension).toBe('xlsx');
  });
  it('refuses a plain ZIP, HTML, an executable and an empty file whatever their names say', () => {
    expect(sniffPremisesFile(zipWith('evil.exe'))).toBeNull();
    expect(sniffPremisesFile(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffPremisesFile(bytes(0x4d, 0x5a, 0x90, 0))).toBeNull();
    expect(sniffPremisesFile(bytes())).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps a Chinese name and gives it the extension of the content', () => {
    expect(safeFileName('活动室照片.JPG', 'jpg')).toBe('活动室照片.jpg');
    expect(safeFileName('租赁合同.exe', 'pdf')).toBe('租赁合同.pdf');
  });
  it('drops paths, quotes and control characters', () => {
    expect(safeFileName('../../etc/pa"ss\r\nwd.png', 'png')).toBe('pa_ss__wd.png');
    expect(safeFileName('C:\\Users\\x\\plan.pdf', 'pdf')).toBe('plan.pdf');
    expect(safeFileName('', 'pdf')).toBe('file.pdf');
  });
});
