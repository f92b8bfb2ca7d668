import { useRegion } from '../../../app/region-context';
import { FilterSelect } from '../../../components/list/FilterSelect';
import { useI18n } from '../../../lib/i18n';
import { regionLabel } from '../../regions/region-label';
import { communitiesOf } from './communities';

/** A list's community filter (全部社区 or one community): shown only to a user with more than one community in scope. */
export function CommunityFilter({
  label,
  allLabel,
  width,
  value,
  onChange,
}: {
  label: string;
  allLabel: string;
  width: number;
  value: string | undefined;
  onChange: (communityId: string) => void;
}) {
  const { lang } = useI18n();
  const { roots } = useRegion();
  const communities = communitiesOf(roots);
  if (communities.length <= 1) return null;
  return (
    <FilterSelect
      label={label}
      allLabel={allLabel}
      width={width}
      value={value}
      onChange={onChange}
      options={communities.map((c) => ({ value: c.id, label: regionLabel(c, lang) }))}
    />
  );
}
