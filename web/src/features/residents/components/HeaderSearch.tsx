import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Drawer, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useResidents } from '../api/list-residents';
import { useResidentsT } from '../messages';

/**
 * 查找居民 in the header, on every page: name, pinyin initials, ID suffix or phone, within the user's scope
 * (the same search as 居民信息). Choosing a hit opens the resident; Enter opens the list with the text.
 */
export function HeaderSearch({ compact = false, autoFocus = false, onDone }: { compact?: boolean; autoFocus?: boolean; onDone?: () => void }) {
  const t = useResidentsT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const hits = useResidents({ q, page: 1, pageSize: 8 }, q.length >= 2);
  const options = (q.length >= 2 ? (hits.data?.items ?? []) : []).map((r) => ({
    value: r.id,
    label: [r.name, r.idMasked, r.gridName ?? r.communityName].filter(Boolean).join(' · '),
  }));
  const open = (id: string) => {
    setText('');
    onDone?.();
    navigate(`/residents/${id}`);
  };
  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={open}
      popupMatchSelectWidth={compact ? 280 : true}
      defaultActiveFirstOption={false}
      // The header's 64 px line height would otherwise stretch the input.
      style={{ width: compact ? '100%' : 260, lineHeight: 'normal' }}
      notFoundContent={q.length >= 2 && hits.isSuccess ? t('header.searchNone') : null}
    >
      <Input
        prefix={<SearchOutlined />}
        aria-label={t('header.search')}
        placeholder={t('header.search')}
        title={t('list.searchPlaceholder')}
        allowClear
        autoFocus={autoFocus}
        onKeyDown={(e) => {
          // Enter with no hit highlighted: the list, searched for the text.
          if (e.key !== 'Enter' || !text.trim() || document.querySelector('.ant-select-item-option-active')) return;
          const v = text.trim();
          setText('');
          onDone?.();
          navigate(`/residents?q=${encodeURIComponent(v)}`);
        }}
      />
    </AutoComplete>
  );
}

/** On a phone: a search button in the header that opens the same search in a panel from the top. */
export function PhoneHeaderSearch() {
  const t = useResidentsT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="text" icon={<SearchOutlined />} aria-label={t('header.search')} aria-expanded={open} onClick={() => setOpen(true)} />
      <Drawer open={open} onClose={() => setOpen(false)} placement="top" size={160} title={t('header.search')} destroyOnHidden>
        <HeaderSearch compact autoFocus onDone={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
