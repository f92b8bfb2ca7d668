import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../lib/i18n';

/**
 * An official document on A4 paper: the sheet as it will print (SimSun, black on white), a toolbar with
 * ← and 打印 that does not print, and page numbers at the foot of every printed page. Printing uses the
 * browser's dialog; everything else on the screen is hidden from it.
 */
export function PrintSheet({
  back,
  backLabel,
  margin = 15,
  fontSize = 14,
  children,
}: {
  back: string;
  backLabel: string;
  margin?: number;
  fontSize?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <style>{`@media print {
  @page { size: A4; margin: ${margin}mm; ${pageNumbers(t('print.page'))} }
  body * { visibility: hidden; }
  .print-sheet, .print-sheet * { visibility: visible; }
  .print-sheet { position: absolute; left: 0; top: 0; width: 100%; padding: 0 !important; min-height: 0 !important; }
}`}</style>
      <Space style={{ marginBottom: 12 }}>
        <Link to={back}>{backLabel}</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('print.print')}
        </Button>
      </Space>
      <div style={{ overflowX: 'auto' }}>
        <article
          className="print-sheet"
          style={{
            width: '210mm',
            minHeight: '297mm',
            padding: `${margin}mm`,
            background: '#fff',
            color: '#000',
            fontFamily: 'SimSun, serif',
            fontSize,
            lineHeight: 1.8,
            boxSizing: 'border-box',
          }}
        >
          {children}
        </article>
      </div>
    </>
  );
}

/** The page number at the foot of every printed page, from a label like 第 {n} 页 (an @page margin box). */
export const pageNumbers = (label: string) => `@bottom-center { content: "${label.replace('{n}', '" counter(page) "')}"; font-size: 9pt; }`;

/** A ruled table cell of a printed sheet. */
export const PRINT_CELL = { border: '1px solid #000', padding: '4px 8px' } as const;
