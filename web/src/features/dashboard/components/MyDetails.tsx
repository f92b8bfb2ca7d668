import { Alert, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Typography, theme } from 'antd';
import { RELATION_LABELS, RESIDENCE_TYPE_LABELS } from '@shared/domain/registry';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useMyHousehold, useMyResident } from '../api/get-my-details';
import { useDashboardT } from '../messages';

const pick = (labels: Record<string, { zh: string; en: string }>, code: string | null, lang: string) =>
  code ? (labels[code] ? (lang === 'en' ? labels[code].en : labels[code].zh) : code) : '—';

/** 我的信息 and 我的家庭: what the community registered about the signed-in resident, in their words, masked. */
export function MyDetails() {
  const t = useDashboardT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const me = useMyResident();
  const home = useMyHousehold();

  if (me.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (me.isError) {
    return isApiError(me.error) && me.error.status === 404 ? (
      <Alert type="info" showIcon title={t('me.notLinked')} />
    ) : (
      <Alert type="error" showIcon title={me.error.message} />
    );
  }
  const r = me.data;
  return (
    <Row gutter={[token.marginLG, token.marginLG]}>
      <Col xs={24} xl={12}>
        <Card
          variant="borderless"
          title={
            <Typography.Title level={2} style={{ margin: 0, fontSize: token.fontSizeLG }}>
              {t('me.title')}
            </Typography.Title>
          }
        >
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'name', label: t('me.name'), children: r.name },
              { key: 'sex', label: t('me.sex'), children: t(`sex.${r.sex}`) },
              { key: 'birth', label: t('me.birthDate'), children: r.birthDate },
              { key: 'ethnicity', label: t('me.ethnicity'), children: r.ethnicity },
              { key: 'id', label: t('me.idNumber'), children: <Typography.Text code>{r.idMasked}</Typography.Text> },
              { key: 'phone', label: t('me.phone'), children: r.phoneMasked ?? '—' },
              { key: 'address', label: t('me.address'), children: r.address ?? '—' },
              { key: 'community', label: t('me.community'), children: r.communityName ?? '—' },
              { key: 'grid', label: t('me.grid'), children: r.gridName ?? '—' },
              { key: 'residence', label: t('me.residenceType'), children: pick(RESIDENCE_TYPE_LABELS, r.residenceType, lang) },
              { key: 'relation', label: t('me.relation'), children: pick(RELATION_LABELS, r.relationToHead, lang) },
              { key: 'updated', label: t('me.updatedAt'), children: r.updatedAt.slice(0, 10) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: token.marginSM, marginBottom: 0 }}>
            {t('me.masked')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          variant="borderless"
          title={
            <Typography.Title level={2} style={{ margin: 0, fontSize: token.fontSizeLG }}>
              {t('me.household')}
            </Typography.Title>
          }
        >
          {home.isPending ? (
            <Skeleton active />
          ) : home.isError ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={isApiError(home.error) && home.error.status === 404 ? t('me.noHousehold') : home.error.message}
            />
          ) : (
            <>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'address', label: t('me.address'), children: home.data.address },
                  { key: 'number', label: t('me.householdNumber'), children: home.data.householdNumber ?? '—' },
                ]}
              />
              <Typography.Text strong style={{ display: 'block', marginBlock: token.marginSM }}>
                {t('me.members')}
              </Typography.Text>
              <List
                size="small"
                dataSource={home.data.members}
                renderItem={(m) => (
                  <List.Item>
                    <Space wrap size={token.marginXS}>
                      <Typography.Text>{m.name}</Typography.Text>
                      {m.self && <Tag color="blue">{t('me.you')}</Tag>}
                      <Typography.Text type="secondary">
                        {pick(RELATION_LABELS, m.relationToHead, lang)} · {t(`sex.${m.sex}`)} · {m.ageBand}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
