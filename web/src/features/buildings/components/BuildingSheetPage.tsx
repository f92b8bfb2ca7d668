import { Result, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router-dom';
import { PRINT_CELL, PrintSheet } from '../../../components/PrintSheet';
import { useI18n } from '../../../lib/i18n';
import { label } from '../../residents/labels';
import { useBuilding } from '../api/get-building';
import { useBuildingsT } from '../messages';

/** 楼栋住户表: a building's households in room order on A4 — room, household number, head, members. */
export function BuildingSheetPage() {
  const t = useBuildingsT();
  const { t: tt, lang } = useI18n();
  const { id = '' } = useParams();
  const q = useBuilding(id);
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Result status="warning" title={t('detail.notFound')} />;
  const b = q.data;
  const households = b.householdList.filter((h) => h.status === 'active');
  const people = households.reduce((n, h) => n + h.memberCount, 0);
  return (
    <PrintSheet back={`/buildings/${id}`} backLabel={t('sheet.back')}>
      <h1 style={{ textAlign: 'center', fontSize: 22, margin: '0 0 4mm' }}>{t('sheet.title', { name: b.name })}</h1>
      <p style={{ textAlign: 'center', margin: '0 0 6mm' }}>
        {b.communityName} · {b.gridName} · {b.address}
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={PRINT_CELL}>{t('hh.room')}</th>
            <th style={PRINT_CELL}>{t('hh.number')}</th>
            <th style={PRINT_CELL}>{t('hh.head')}</th>
            <th style={PRINT_CELL}>{t('hh.members')}</th>
            <th style={PRINT_CELL}>{t('hh.type')}</th>
          </tr>
        </thead>
        <tbody>
          {households.map((h) => (
            <tr key={h.id}>
              <td style={PRINT_CELL}>{h.room ?? '—'}</td>
              <td style={PRINT_CELL}>{h.householdNumber ?? '—'}</td>
              <td style={PRINT_CELL}>{h.headName ?? '—'}</td>
              <td style={{ ...PRINT_CELL, textAlign: 'right' }}>{h.memberCount}</td>
              <td style={PRINT_CELL}>{label('householdType', h.householdType, lang)}</td>
            </tr>
          ))}
          <tr>
            <th style={PRINT_CELL} colSpan={3}>
              {t('sheet.total', { n: households.length })}
            </th>
            <th style={{ ...PRINT_CELL, textAlign: 'right' }}>{people}</th>
            <td style={PRINT_CELL} />
          </tr>
        </tbody>
      </table>
      <p style={{ marginTop: '10mm', textAlign: 'right' }}>
        {b.communityName}
        <br />
        {tt('print.printedOn', { date: dayjs().format('YYYY-MM-DD') })}
      </p>
    </PrintSheet>
  );
}
