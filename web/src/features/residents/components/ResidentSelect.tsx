import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../../lib/use-debounced';
import { useResidents } from '../api/list-residents';

/**
 * Chooses a resident of a community by typing part of the name: the server searches 250 ms after the last
 * keystroke, and each option reads name · masked ID · address.
 */
export function ResidentSelect({
  communityId,
  value,
  onChange,
  label,
  placeholder,
}: {
  communityId: string;
  value?: string;
  onChange?: (v?: string) => void;
  /** The select's accessible name. */
  label: string;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const residents = useResidents({ q: q || undefined, regionId: communityId, page: 1, pageSize: 20 }, q.length > 0);
  return (
    <Select<string>
      aria-label={label}
      allowClear
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={residents.isFetching}
      options={(residents.data?.items ?? []).map((r) => ({
        value: r.id,
        label: (
          <span>
            {r.name}
            <Typography.Text type="secondary">
              {' '}
              · {r.idMasked} · {r.address ?? ''}
            </Typography.Text>
          </span>
        ),
      }))}
      style={{ width: '100%' }}
    />
  );
}
