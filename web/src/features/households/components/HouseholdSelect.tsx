import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../../lib/use-debounced';
import { useHouseholds, type Household } from '../api/list-households';
import { useHouseholdsT } from '../messages';

export interface HouseholdSelectProps {
  value?: string;
  onChange?: (id: string | undefined, household?: Household) => void;
  /** Limits the search to a region's subtree (default: the whole scope). */
  regionId?: string;
  gridId?: string;
  /** Leaves a household out (the one being changed). */
  excludeId?: string;
  placeholder?: string;
  'aria-label'?: string;
  autoFocus?: boolean;
}

/** Chooses a household by typing part of its address or number; the server searches. */
export function HouseholdSelect({ value, onChange, regionId, gridId, excludeId, placeholder, autoFocus, ...rest }: HouseholdSelectProps) {
  const t = useHouseholdsT();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const households = useHouseholds({ q: q || undefined, regionId, gridId, page: 1, pageSize: 20 });
  const items = (households.data?.items ?? []).filter((h) => h.id !== excludeId);
  return (
    <Select<string>
      aria-label={rest['aria-label']}
      autoFocus={autoFocus}
      allowClear
      value={value}
      placeholder={placeholder ?? t('select.placeholder')}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={households.isFetching}
      notFoundContent={households.isFetching ? null : t('select.none')}
      onChange={(id) =>
        onChange?.(
          id,
          items.find((h) => h.id === id),
        )
      }
      options={items.map((h) => ({
        value: h.id,
        label: (
          <span title={h.address}>
            {h.address}
            <Typography.Text type="secondary">
              {' '}
              · {t('select.head', { name: h.headName ?? '—' })} · {t('select.members', { n: h.memberCount })}
            </Typography.Text>
          </span>
        ),
      }))}
      style={{ width: '100%' }}
      popupMatchSelectWidth={520}
    />
  );
}
