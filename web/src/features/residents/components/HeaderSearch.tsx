import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useResidents } from '../api/list-residents';
import { useResidentsT } from '../messages';

/**
 * 查找居民 in the header, on every page: name, pinyin initials, ID suffix or phone, within the user's scope
 * (the same search as 居民信息). Choosing a hit opens the resident; Enter opens the list with the text.
 */
export function HeaderSearch({ compact = false }: { compact?: boolean }) {
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
      style={{ width: compact ? 140 : 260, lineHeight: 'normal' }}
      notFoundContent={q.length >= 2 && hits.isSuccess ? t('header.searchNone') : null}
    >
      <Input
        prefix={<SearchOutlined />}
        aria-label={t('header.search')}
        placeholder={t('header.search')}
        title={t('list.searchPlaceholder')}
        allowClear
        onKeyDown={(e) => {
          // Enter with no hit highlighted: the list, searched for the text.
          if (e.key !== 'Enter' || !text.trim() || document.querySelector('.ant-select-item-option-active')) return;
          const v = text.trim();
          setText('');
          navigate(`/residents?q=${encodeURIComponent(v)}`);
        }}
      />
    </AutoComplete>
  );
}
