import { Result, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router-dom';
import { PRINT_CELL, PrintSheet } from '../../../components/PrintSheet';
import { useI18n } from '../../../lib/i18n';
import { label } from '../../residents/labels';
import { useHousehold } from '../api/get-household';
import { useHouseholdsT } from '../messages';

/** 户卡: one household on an A4 sheet — the unit, the address, the members on record (masked), the date. */
export function HouseholdCardPage() {
  const t = useHouseholdsT();
  const { t: tt, lang } = useI18n();
  const { id = '' } = useParams();
  const q = useHousehold(id);
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Result status="warning" title={t('detail.notFound')} />;
  const h = q.data;
  const members = h.members.filter((m) => m.status === 'active');
  return (
    <PrintSheet back={`/households/${id}`} backLabel={t('card.back')}>
      <h1 style={{ textAlign: 'center', fontSize: 22, margin: '0 0 4mm' }}>{t('card.title')}</h1>
      <p style={{ textAlign: 'center', margin: '0 0 6mm' }}>
        {h.communityName} · {h.gridName}
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: '6mm' }}>
        <tbody>
          <tr>
            <th style={PRINT_CELL}>{t('col.number')}</th>
            <td style={PRINT_CELL}>{h.householdNumber ?? '—'}</td>
            <th style={PRINT_CELL}>{t('col.type')}</th>
            <td style={PRINT_CELL}>{label('householdType', h.householdType, lang)}</td>
          </tr>
          <tr>
            <th style={PRINT_CELL}>{t('col.address')}</th>
            <td style={PRINT_CELL} colSpan={3}>
              {h.address}
            </td>
          </tr>
          <tr>
            <th style={PRINT_CELL}>{t('col.head')}</th>
            <td style={PRINT_CELL}>{h.headName ?? '—'}</td>
            <th style={PRINT_CELL}>{t('col.members')}</th>
            <td style={PRINT_CELL}>{members.length}</td>
          </tr>
        </tbody>
      </table>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={PRINT_CELL}>{t('member.name')}</th>
            <th style={PRINT_CELL}>{t('member.relation')}</th>
            <th style={PRINT_CELL}>{t('member.sex')}</th>
            <th style={PRINT_CELL}>{t('member.age')}</th>
            <th style={PRINT_CELL}>{t('member.idNumber')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td style={PRINT_CELL}>{m.name}</td>
              <td style={PRINT_CELL}>{m.id === h.headResidentId ? label('relation', 'head', lang) : label('relation', m.relationToHead, lang) || '—'}</td>
              <td style={PRINT_CELL}>{t(`sex.${m.sex}`)}</td>
              <td style={PRINT_CELL}>{m.age ?? m.ageBand}</td>
              <td style={{ ...PRINT_CELL, fontFamily: 'monospace' }}>{m.idMasked}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {h.hiddenMembers > 0 && <p>{t('detail.hiddenMembers', { n: h.hiddenMembers })}</p>}
      <p style={{ marginTop: '10mm', textAlign: 'right' }}>
        {h.communityName}
        <br />
        {tt('print.printedOn', { date: dayjs().format('YYYY-MM-DD') })}
      </p>
    </PrintSheet>
  );
}
