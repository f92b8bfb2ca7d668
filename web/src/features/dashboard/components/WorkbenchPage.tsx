import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, List, Result, Row, Skeleton, Space, Tag, Typography, theme } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import type { TodoItemView, WorkbenchCardView } from '@shared/contracts/workbench';
import { useRegion } from '../../../app/region-context';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { NoticesPanel } from '../../notices/components/NoticesPanel';
import { useBoundaries } from '../../regions/api/get-boundaries';
import { useWorkbench, type WorkbenchResponse } from '../api/get-workbench';
import { useDashboardT } from '../messages';
import { MyDetails } from './MyDetails';
import { MyElections } from './MyElections';

const CommunityMap = lazy(() => import('./CommunityMap'));

type Text = { zh: string; en: string };

/**
 * 工作台: the signed-in user's shortcuts, numbers (with the trend against 30 days ago), 待办 by due date
 * recent records and the current 通知公告 — each fed by the modules through GET /api/workbench. A resident
 * sees 我的信息, 我的家庭 and their community's notices instead.
 */
export function WorkbenchPage() {
  const t = useDashboardT();
  const { t: tt } = useI18n();
  const { user, can } = useSession();
  const resident = can('self.read') && !can('residents.read');
  return (
    <>
      <PageHeader title={resident ? t('me.hello', { name: user.displayName.replace(/^居民\s*/, '') }) : tt('dashboard.welcome', { name: user.displayName })} />
      {resident ? (
        <>
          <Typography.Paragraph type="secondary">{t('me.intro')}</Typography.Paragraph>
          <ResidentNotices />
          <MyElections home />
          <MyDetails />
        </>
      ) : (
        <StaffWorkbench />
      )}
    </>
  );
}

function StaffWorkbench() {
  const t = useDashboardT();
  const { token } = theme.useToken();
  const { can } = useSession();
  const wb = useWorkbench();
  if (wb.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (wb.isError)
    return (
      <Result
        status="error"
        title={t('wb.loadFailed')}
        subTitle={wb.error.message}
        extra={
          <Button type="primary" onClick={() => void wb.refetch()}>
            {t('wb.retry')}
          </Button>
        }
      />
    );
  const data = wb.data;
  return (
    <Flex vertical gap={token.marginLG}>
      <Shortcuts data={data} />
      {data.unavailable.length > 0 && <Alert type="warning" showIcon title={t('wb.unavailable', { names: data.unavailable.join('、') })} />}
      <section aria-label={t('wb.cards')}>
        {data.cards.length === 0 ? (
          <Card variant="borderless">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wb.cardsEmpty')} />
          </Card>
        ) : (
          <Row gutter={[token.marginMD, token.marginMD]}>
            {data.cards.map((c) => (
              <Col key={c.key} xs={12} md={8} xl={6}>
                <NumberCard card={c} />
              </Col>
            ))}
          </Row>
        )}
      </section>
      <Row gutter={[token.marginLG, token.marginLG]}>
        <Col xs={24} xl={14}>
          <Todos data={data} />
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={token.marginLG}>
            {data.notices && <NoticesPanel notices={data.notices} />}
            <Recent data={data} />
          </Flex>
        </Col>
      </Row>
      {can('regions.read') && <MapCard />}
    </Flex>
  );
}

/** A resident's 社区通知: the published notices of their community, street and city (from the 工作台's answer). */
function ResidentNotices() {
  const { token } = theme.useToken();
  const wb = useWorkbench();
  // The notices are an addition to the resident's home: while loading or failing, the rest stands alone.
  if (!wb.data?.notices) return null;
  return (
    <div style={{ marginBottom: token.marginLG }}>
      <NoticesPanel notices={wb.data.notices} resident />
    </div>
  );
}

/** The role's daily actions, first on the page: on a phone each is one tap from here. */
function Shortcuts({ data }: { data: WorkbenchResponse }) {
  const t = useDashboardT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  if (data.shortcuts.length === 0) return null;
  return (
    <nav aria-label={t('wb.shortcuts')}>
      <Flex wrap gap={token.marginXS}>
        {data.shortcuts.map((s) => (
          <Link key={s.key} to={s.link}>
            <Button>{text(s.label, lang)}</Button>
          </Link>
        ))}
      </Flex>
    </nav>
  );
}

function NumberCard({ card }: { card: WorkbenchCardView }) {
  const t = useDashboardT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const colour = card.tone === 'danger' ? token.colorError : card.tone === 'warning' ? token.colorWarningText : token.colorText;
  const diff = card.previous === undefined ? undefined : card.value - card.previous;
  const body = (
    <Card variant="borderless" size="small" hoverable={Boolean(card.link)} style={{ height: '100%' }}>
      <Typography.Text type="secondary" style={{ display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {text(card.label, lang)}
      </Typography.Text>
      <Flex align="baseline" gap={token.marginXXS} style={{ marginBlock: token.marginXXS }}>
        <span style={{ fontSize: token.fontSizeHeading2, fontWeight: 600, color: colour, lineHeight: 1.2 }}>{card.value.toLocaleString()}</span>
        {card.unit && <Typography.Text type="secondary">{text(card.unit, lang)}</Typography.Text>}
      </Flex>
      {diff !== undefined && (
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {diff > 0 ? <ArrowUpOutlined /> : diff < 0 ? <ArrowDownOutlined /> : <MinusOutlined />}{' '}
          {diff > 0 ? t('wb.trendUp', { n: diff.toLocaleString() }) : diff < 0 ? t('wb.trendDown', { n: (-diff).toLocaleString() }) : t('wb.trendFlat')}
        </Typography.Text>
      )}
    </Card>
  );
  return card.link ? (
    <Link to={card.link} aria-label={`${text(card.label, lang)} ${card.value}`} style={{ display: 'block', height: '100%' }}>
      {body}
    </Link>
  ) : (
    body
  );
}

function Todos({ data }: { data: WorkbenchResponse }) {
  const t = useDashboardT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const due = (item: TodoItemView) =>
    item.overdue ? (
      <Tag color="error">
        {t('wb.overdue')} · {item.dueDate}
      </Tag>
    ) : item.dueDate === data.today ? (
      <Tag color="warning">{t('wb.dueToday')}</Tag>
    ) : (
      <Tag>{t('wb.due', { date: item.dueDate })}</Tag>
    );
  return (
    <Card
      variant="borderless"
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: token.fontSizeLG }}>
          {t('wb.todos')}
          {data.todos.length > 0 && ` (${data.todos.length})`}
        </Typography.Title>
      }
    >
      <List<TodoItemView>
        aria-label={t('wb.todos')}
        dataSource={data.todos}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wb.todosEmpty')} /> }}
        pagination={data.todos.length > 8 ? { pageSize: 8, size: 'small', simple: true } : false}
        renderItem={(item) => (
          <List.Item extra={<RightOutlined style={{ color: token.colorTextTertiary }} />}>
            <Flex vertical gap={token.marginXXS} style={{ minWidth: 0 }}>
              <Link to={item.link} style={item.overdue ? { color: token.colorError } : undefined}>
                {text(item.title, lang)}
              </Link>
              <Space wrap size={token.marginXS}>
                {due(item)}
                {item.regionName && <Typography.Text type="secondary">{item.regionName}</Typography.Text>}
              </Space>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Recent({ data }: { data: WorkbenchResponse }) {
  const t = useDashboardT();
  const { token } = theme.useToken();
  return (
    <Card
      variant="borderless"
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: token.fontSizeLG }}>
          {t('wb.recent')}
        </Typography.Title>
      }
    >
      <List
        size="small"
        dataSource={data.recent}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wb.recentEmpty')} /> }}
        renderItem={(r) => (
          <List.Item>
            <Flex justify="space-between" gap={token.marginSM} style={{ width: '100%', minWidth: 0 }}>
              <Space size={token.marginXS} style={{ minWidth: 0 }}>
                <Tag>{r.type === 'resident' ? t('wb.resident') : t('wb.household')}</Tag>
                <Link to={r.link}>{r.title}</Link>
              </Space>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {r.at.slice(0, 10)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The communities of the user's scope on a map (for those who read regions). */
function MapCard() {
  const { t } = useI18n();
  const { regionId } = useRegion();
  const boundaries = useBoundaries('community');
  const count = boundaries.data?.features.filter((f) => f.geometry).length ?? 0;
  if (!boundaries.isPending && !boundaries.isError && count === 0) return null;
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
      ) : (
        <Suspense fallback={<Skeleton active />}>
          <CommunityMap boundaries={boundaries.data} highlightId={regionId} label={t('dashboard.map')} />
        </Suspense>
      )}
    </Card>
  );
}

const text = (x: Text, lang: string) => (lang === 'en' ? x.en : x.zh);
