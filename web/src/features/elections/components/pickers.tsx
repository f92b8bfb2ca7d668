import { Select } from 'antd';
import { useState } from 'react';
import { api, withQuery } from '../../../lib/api';
import { useVoters } from '../api/list-voters';
import { useElectionsT } from '../messages';

/** Residents of the community found by name (for adding a voter by hand). */
export function ResidentPicker({ communityId, value, onChange }: { communityId: string; value?: string; onChange?: (v: string) => void }) {
  const t = useElectionsT();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = async (q: string) => {
    if (q.trim().length < 1) return;
    const page = await api<{ items: { id: string; name: string; idMasked: string }[] }>(
      'GET',
      withQuery('/api/residents', { q: q.trim(), regionId: communityId, pageSize: 20 }),
    );
    setOptions(page.items.map((r) => ({ value: r.id, label: `${r.name}  ${r.idMasked}` })));
  };
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={(q) => void search(q)}
      options={options}
      placeholder={t('roll.residentSearch')}
      aria-label={t('roll.resident')}
    />
  );
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
