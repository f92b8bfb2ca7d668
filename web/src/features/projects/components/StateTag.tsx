import { Tag } from 'antd';
import { PROJECT_STATE_LABELS, type ProjectState } from '@shared/domain/projects';
import { useI18n } from '../../../lib/i18n';
import { bi } from '../../organisations/components/communities';

const COLOR: Record<ProjectState, string> = { planned: 'default', under_way: 'processing', finished: 'success', cancelled: 'default' };

/** A project's state as a coloured tag. */
export function StateTag({ state }: { state: ProjectState }) {
  const { lang } = useI18n();
  return <Tag color={COLOR[state]}>{bi(PROJECT_STATE_LABELS[state], lang)}</Tag>;
}
