import { Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Typography, theme } from 'antd';
import { lazy, Suspense } from 'react';
import { ROLE_LABELS } from '@shared/domain/permissions';
import { useRegion } from '../../../app/region-context';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { useBoundaries } from '../../regions/api/get-boundaries';

const CommunityMap = lazy(() => import('./CommunityMap'));

/** 工作台: who you are, what you may do and where; the community map for those who read regions. */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const { user, can } = useSession();
  const mayMap = can('regions.read');

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: user.displayName })} />
      <Row gutter={[token.marginLG, token.marginLG]}>
        <Col xs={24} xl={mayMap ? 9 : 24}>
          <Card variant="borderless" title={t('dashboard.account')}>
            <Descriptions
              column={1}
              items={[
                { key: 'username', label: t('accounts.username'), children: user.username },
                {
                  key: 'roles',
                  label: t('dashboard.roles'),
                  children: (
                    <Space wrap size={[0, token.marginXS]}>
                      {[...new Set(user.grants.map((g) => g.role))].map((role) => (
                        <Tag key={role} color="blue">
                          {lang === 'en' ? ROLE_LABELS[role].en : ROLE_LABELS[role].zh}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  key: 'scope',
                  label: t('dashboard.scope'),
                  children: (
                    <Space orientation="vertical" size={0}>
                      {user.grants.map((g) => (
                        <Typography.Text key={`${g.role}:${g.regionId}:${g.domain ?? ''}`}>
                          {g.regionName}
                          <Typography.Text type="secondary">
                            {' '}
                            · {t(`level.${g.regionLevel}` as MessageKey)}
                            {g.domain ? ` · ${t(`domain.${g.domain}` as MessageKey)}` : ''}
                          </Typography.Text>
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
                },
                { key: 'permissions', label: t('dashboard.permissions'), children: user.permissions.length },
              ]}
            />
          </Card>
        </Col>
        {mayMap && (
          <Col xs={24} xl={15}>
            <MapCard />
          </Col>
        )}
      </Row>
    </>
  );
}

function MapCard() {
  const { t } = useI18n();
  const { regionId } = useRegion();
  const boundaries = useBoundaries('community');
  const count = boundaries.data?.features.filter((f) => f.geometry).length ?? 0;
  return (
    <Card
      variant="borderless"
      title={t('dashboard.map')}
      extra={boundaries.data && <Typography.Text type="secondary">{t('dashboard.mapHint', { n: count })}</Typography.Text>}
    >
      {boundaries.isPending ? (
        <Skeleton active />
      ) : boundaries.isError ? (
        <Empty description={boundaries.error.message} />
      ) : count === 0 ? (
        <Empty description={t('dashboard.mapEmpty')} />
      ) : (
        <Suspense fallback={<Skeleton active />}>
          <CommunityMap boundaries={boundaries.data} highlightId={regionId} label={t('dashboard.map')} />
        </Suspense>
      )}
    </Card>
  );
}
