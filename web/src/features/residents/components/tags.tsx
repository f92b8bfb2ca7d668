import { Space, Tag } from 'antd';
import type { CareGroup } from '@shared/domain/registry';
import { useI18n } from '../../../lib/i18n';
import { label } from '../labels';

const CARE_COLOURS: Partial<Record<CareGroup, string>> = {
  elderly_alone: 'orange',
  disability: 'purple',
  dibao: 'gold',
  tekun: 'volcano',
  youfu: 'red',
  unemployed: 'cyan',
  released: 'magenta',
  correction: 'magenta',
  left_behind_child: 'green',
  floating: 'blue',
};

/** A resident's current care groups as coloured tags. */
export function CareGroupTags({ groups }: { groups: readonly string[] }) {
  const { lang } = useI18n();
  if (!groups.length) return null;
  return (
    <Space size={[0, 4]} wrap>
      {groups.map((g) => (
        <Tag key={g} color={CARE_COLOURS[g as CareGroup]} variant="outlined">
          {label('careGroup', g, lang)}
        </Tag>
      ))}
    </Space>
  );
}

/** 在册 / 迁出 / 死亡. */
export function StatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  const colour = status === 'active' ? 'success' : status === 'deceased' ? 'default' : 'warning';
  return <Tag color={colour}>{label('residentStatus', status, lang)}</Tag>;
}
