import { Result, Skeleton } from 'antd';
import { useParams } from 'react-router-dom';
import { PrintSheet } from '../../../components/PrintSheet';

import { useAnnouncement } from '../api/get-election';
import { useElectionsT } from '../messages';
import { postLabel, useLang } from './labels';

/** The 公告 of the result on an A4 page: printed with the browser's print dialog (window.print). */
export function AnnouncementPage() {
  const t = useElectionsT();
  const lang = useLang();
  const { id = '' } = useParams();
  const ann = useAnnouncement(id);
  if (ann.isPending) return <Skeleton active />;
  if (ann.isError) return <Result status="warning" title={ann.error.message} />;
  const a = ann.data;
  const cell = { border: '1px solid #000', padding: '6px 10px' } as const;
  return (
    <PrintSheet back={`/elections/${id}`} backLabel={t('detail.back')} margin={20} fontSize={16}>
      <h1 style={{ textAlign: 'center', fontSize: 24, marginBottom: 24 }}>{t('ann.title', { community: a.communityName, term: a.term })}</h1>
      {a.valid ? (
        <>
          <p style={{ textIndent: '2em' }}>{t('ann.body', { date: a.electionDate, term: a.term, voters: a.registeredVoters, returned: a.ballotsReturned })}</p>
          <table style={{ borderCollapse: 'collapse', width: '100%', margin: '12px 0' }}>
            <thead>
              <tr>
                <th style={cell}>{t('ann.post')}</th>
                <th style={cell}>{t('ann.name')}</th>
                <th style={cell}>{t('ann.sex')}</th>
                <th style={cell}>{t('ann.votes')}</th>
              </tr>
            </thead>
            <tbody>
              {a.elected.map((x) => (
                <tr key={`${x.name}-${x.votes}`}>
                  <td style={cell}>{postLabel(x.post, lang)}</td>
                  <td style={cell}>{x.name}</td>
                  <td style={cell}>{t(`sex.${x.sex}`)}</td>
                  <td style={cell}>{x.votes}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {a.unfilledSeats > 0 && <p style={{ textIndent: '2em' }}>{t('ann.unfilled', { n: a.unfilledSeats })}</p>}
          <p style={{ textIndent: '2em' }}>{t('ann.handover', { date: a.handoverBy, end: a.termEnds })}</p>
        </>
      ) : (
        <p style={{ textIndent: '2em' }}>{t('ann.void')}</p>
      )}
      <p style={{ textAlign: 'right', marginTop: 48 }}>
        {t('ann.issuer', { community: a.communityName })}
        <br />
        {a.issuedOn}
      </p>
    </PrintSheet>
  );
}
