import { Alert, App, Button, Flex, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import type { RegionNodeT } from '@shared/contracts/regions';
import type { ResidentDetail } from '@shared/contracts/residents';
import { useRegion } from '../../../app/region-context';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { usePlaceResident } from '../api/place-resident';
import { useResidentsT } from '../messages';
import { gridTree } from './CreateResidentDrawer';

/** The subtree of one community (the resident can only go to one of its grids). */
function communityNode(nodes: RegionNodeT[], id: string): RegionNodeT | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = communityNode(n.children, id);
    if (found) return found;
  }
  return undefined;
}

/** For a resident an import could not place: says so and, for someone who may edit, offers the community's grids. */
export function PlaceInGrid({ resident }: { resident: ResidentDetail }) {
  const t = useResidentsT();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const { roots } = useRegion();
  const place = usePlaceResident();
  const [gridId, setGridId] = useState<string>();
  const treeData = useMemo(() => {
    const community = communityNode(roots, resident.communityId);
    return community ? gridTree(community.children, lang) : [];
  }, [roots, resident.communityId, lang]);
  if (resident.gridId) return null;
  const editable = can('residents.write') && resident.status === 'active';
  return (
    <Alert
      type="warning"
      showIcon
      title={t('place.title')}
      description={
        <Flex vertical gap="small">
          <span>{t('place.desc')}</span>
          {editable && (
            <Flex gap="small" wrap>
              <TreeSelect
                aria-label={t('place.title')}
                placeholder={t('form.gridPlaceholder')}
                treeData={treeData}
                treeDefaultExpandAll
                value={gridId}
                onChange={setGridId}
                style={{ minWidth: 220 }}
              />
              <Button
                type="primary"
                disabled={!gridId}
                loading={place.isPending}
                onClick={() =>
                  gridId &&
                  place.mutate(
                    { id: resident.id, gridId, version: resident.version },
                    { onSuccess: () => void message.success(t('place.done')), onError: (err) => void message.error(err.message) },
                  )
                }
              >
                {t('place.submit')}
              </Button>
            </Flex>
          )}
        </Flex>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
