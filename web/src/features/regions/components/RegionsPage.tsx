import { Card, Col, Descriptions, Empty, Row, Skeleton, Tree, theme } from 'antd';
import { useMemo } from 'react';
import { useRegion } from '../../../app/region-context';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { regionLabel, toTreeData } from '../region-label';

/** 区域: the user's region tree; choosing a node also sets the region in the header. */
export function RegionsPage() {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const { roots, region, regionId, setRegionId, isLoading } = useRegion();
  const treeData = useMemo(() => toTreeData(roots, lang), [roots, lang]);

  return (
    <>
      <PageHeader title={t('regions.title')} />
      <Row gutter={[token.marginLG, token.marginLG]}>
        <Col xs={24} lg={9}>
          <Card variant="borderless" title={t('regions.tree')}>
            {isLoading ? (
              <Skeleton active />
            ) : (
              <Tree
                aria-label={t('regions.tree')}
                treeData={treeData}
                selectedKeys={regionId ? [regionId] : []}
                defaultExpandedKeys={roots.map((r) => r.id)}
                onSelect={(keys) => keys[0] && setRegionId(String(keys[0]))}
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card variant="borderless" title={region ? regionLabel(region, lang) : t('regions.title')}>
            {region ? (
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  { key: 'name', label: t('regions.name'), children: region.name },
                  { key: 'nameEn', label: t('regions.nameEn'), children: region.nameEn ?? '—' },
                  { key: 'code', label: t('regions.code'), children: region.code },
                  { key: 'level', label: t('regions.level'), children: t(`level.${region.level}` as MessageKey) },
                  {
                    key: 'children',
                    label: t('regions.children'),
                    children: region.children.length ? region.children.map((c) => regionLabel(c, lang)).join('、') : t('common.none'),
                  },
                ]}
              />
            ) : (
              <Empty description={t('regions.pick')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
