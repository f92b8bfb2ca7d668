import { Select } from 'antd';
import { useState } from 'react';
import { ResidentSelect } from '../../residents/components/ResidentSelect';
import { useVoters } from '../api/list-voters';
import { useElectionsT } from '../messages';

/** Residents of the community found by name (for adding a voter by hand). */
export function ResidentPicker({ communityId, value, onChange }: { communityId: string; value?: string; onChange?: (v?: string) => void }) {
  const t = useElectionsT();
  return <ResidentSelect communityId={communityId} value={value} onChange={onChange} label={t('roll.resident')} placeholder={t('roll.residentSearch')} />;
}

/** Voters of the election found by name (nominees must be on the roll). */
export function VoterPicker({ electionId, value, onChange }: { electionId: string; value?: string; onChange?: (v: string) => void }) {
  const t = useElectionsT();
  const [q, setQ] = useState('');
  const voters = useVoters(electionId, { q: q || undefined, view: 'all', page: 1, pageSize: 20 });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      aria-label={t('cand.voter')}
      options={(voters.data?.items ?? []).map((v) => ({ value: v.residentId, label: `${v.name}  ${v.idMasked}` }))}
    />
  );
}
