import { Tag } from 'antd';
import { useAwardsT } from '../messages';

const COLOUR = { draft: 'default', approved: 'blue', paid: 'green' } as const;

/** A round's status as a tag: 草案 / 已审批 / 已拨付. */
export function RoundStatusTag({ status }: { status: 'draft' | 'approved' | 'paid' }) {
  const t = useAwardsT();
  return <Tag color={COLOUR[status]}>{t(`status.${status}`)}</Tag>;
}

/** Yuan with two decimals, grouped the Chinese way. */
export const money = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
