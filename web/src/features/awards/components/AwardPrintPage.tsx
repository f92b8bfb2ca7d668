import { Result, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router-dom';
import { PRINT_CELL, PrintSheet } from '../../../components/PrintSheet';
import { useAwardRound } from '../api/award-rounds';
import { useAwardsT } from '../messages';
import { money } from './StatusTag';

/** The distribution as an official document on an A4 page (printed with the browser's print dialog). */
export function AwardPrintPage() {
  const t = useAwardsT();
  const { id = '' } = useParams();
  const q = useAwardRound(id);
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Result status="warning" title={t('round.notFound')} />;
  const r = q.data;
  const cell = PRINT_CELL;
  const num = { ...cell, textAlign: 'right' } as const;
  const paid = r.lines.reduce((s, l) => s + Math.round(l.paid * 100), 0) / 100;
  return (
    <PrintSheet back={`/awards/${id}`} backLabel={t('print.back')}>
      <h1 style={{ textAlign: 'center', fontSize: 22, marginBottom: 16 }}>{t('print.title', { year: r.year })}</h1>
      {r.status === 'draft' && <p style={{ textAlign: 'center', fontWeight: 'bold' }}>{t('print.notApproved')}</p>}
      <p style={{ textIndent: '2em' }}>
        {t('print.intro', {
          year: r.year,
          pot: money(r.pot),
          floor: r.floorScore,
          cap: r.maxShare === null ? t('round.noCap') : `${Math.round(r.maxShare * 10000) / 100}%`,
        })}
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%', margin: '8px 0' }}>
        <thead>
          <tr>
            <th style={cell}>{t('print.no')}</th>
            <th style={cell}>{t('col.community')}</th>
            <th style={cell}>{t('col.score')}</th>
            <th style={cell}>{t('col.amount')}</th>
            <th style={cell}>{t('col.paid')}</th>
            <th style={cell}>{t('col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l, i) => (
            <tr key={l.communityId}>
              <td style={cell}>{i + 1}</td>
              <td style={cell}>{l.communityName}</td>
              <td style={num}>{l.score ?? '—'}</td>
              <td style={num}>{money(l.amount)}</td>
              <td style={num}>{money(l.paid)}</td>
              <td style={{ ...cell, fontSize: 12 }}>{l.reason}</td>
            </tr>
          ))}
          <tr>
            <td style={cell} colSpan={3}>
              <strong>{t('print.total')}</strong>
            </td>
            <td style={num}>
              <strong>{money(r.total)}</strong>
            </td>
            <td style={num}>
              <strong>{money(paid)}</strong>
            </td>
            <td style={cell} />
          </tr>
        </tbody>
      </table>
      {r.approvedOn && <p>{t('print.approved', { by: r.approvedBy ?? '', date: r.approvedOn })}</p>}
      <p style={{ marginTop: 40 }}>{t('print.sign')}</p>
      <p style={{ textAlign: 'right', marginTop: 40 }}>
        {t('print.issuer')}
        <br />
        {t('print.date', { date: dayjs().format('YYYY-MM-DD') })}
      </p>
    </PrintSheet>
  );
}
