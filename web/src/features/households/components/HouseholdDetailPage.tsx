import { ForkOutlined, MergeCellsOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Space, theme } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { householdIsActive, maySplit } from '@shared/domain/households';
import { DetailHeader } from '../../../components/DetailHeader';
import { DetailShell } from '../../../components/DetailShell';
import { useHousehold } from '../api/get-household';
import { useHouseholdsT, type HouseholdsMessageKey } from '../messages';
import { HouseholdInfoCard } from './HouseholdInfoCard';
import { HouseholdMembersTable, type HouseholdMember } from './HouseholdMembersTable';
import { HouseholdMovesTable } from './HouseholdMovesTable';
import { HouseholdStatusTag } from './HouseholdsPage';
import { MergeHouseholdModal } from './MergeHouseholdModal';
import { MoveMemberModal } from './MoveMemberModal';
import { SplitHouseholdModal } from './SplitHouseholdModal';

/** 家庭户: its members and relations, move a member, split (分户) and merge (并户), and its move history. */
export function HouseholdDetailPage() {
  const t = useHouseholdsT();
  const { token } = theme.useToken();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const [moving, setMoving] = useState<HouseholdMember | null>(null);
  const [splitting, setSplitting] = useState(false);
  const [merging, setMerging] = useState(false);

  return (
    <DetailShell query={household} rows={10} notFoundTitle={t('detail.notFound')} backTo="/households" backLabel={t('detail.back')}>
      {(h) => {
        const active = householdIsActive(h.status);
        // Changes of membership: the reader's scope on this household allows them, and it still takes them.
        const writable = h.capabilities.canEdit && active;

        return (
          <>
            <DetailHeader
              title={h.address}
              back="/households"
              backLabel={t('detail.back')}
              tags={<HouseholdStatusTag status={h.status} />}
              extra={
                <Space wrap>
                  <Button icon={<PrinterOutlined />} onClick={() => navigate(`/households/${h.id}/card`)}>
                    {t('card.print')}
                  </Button>
                  {writable && (
                    <>
                      <Button icon={<ForkOutlined />} disabled={!maySplit(h.members, h.headResidentId)} onClick={() => setSplitting(true)}>
                        {t('action.split')}
                      </Button>
                      <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>
                        {t('action.merge')}
                      </Button>
                    </>
                  )}
                </Space>
              }
            />
            {!active && (
              <Alert
                type="info"
                showIcon
                title={t('detail.inactive', { status: t(`status.${h.status}` as HouseholdsMessageKey) })}
                style={{ marginBottom: token.marginMD }}
              />
            )}
            <Row gutter={[token.marginMD, token.marginMD]}>
              <Col span={24}>
                <HouseholdInfoCard household={h} />
              </Col>
              <Col span={24}>
                <HouseholdMembersTable household={h} onMove={writable ? setMoving : undefined} />
              </Col>
              <Col span={24}>
                <HouseholdMovesTable household={h} />
              </Col>
            </Row>
            {writable && moving && <MoveMemberModal household={h} member={moving} onClose={() => setMoving(null)} />}
            {writable && splitting && <SplitHouseholdModal household={h} onClose={() => setSplitting(false)} />}
            {writable && merging && <MergeHouseholdModal household={h} onClose={() => setMerging(false)} />}
          </>
        );
      }}
    </DetailShell>
  );
}
