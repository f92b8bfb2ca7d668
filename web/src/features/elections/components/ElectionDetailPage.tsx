import { ArrowLeftOutlined, CheckCircleTwoTone, CloseCircleTwoTone, DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { VOTERS_VIEWS, type Candidate, type ElectionStatus, type RoundResult } from '@shared/contracts/elections';
import type { Deadline } from '@shared/contracts/elections';
import { PageHeader } from '../../../components/PageHeader';
import { DetailShell } from '../../../components/DetailShell';

import { useChangeVoter, useComputeResult, useDeriveRoll, useEnterTally, useNominate } from '../api/change-election';
import { useElection, type ElectionDetail } from '../api/get-election';
import { useVoters, votersExportUrl, type VoterRow, type VotersParams } from '../api/list-voters';
import { useElectionsT } from '../messages';
import { ElectionActions } from './ElectionActions';
import { ObjectionsTab } from './ObjectionsTab';
import { ResidentPicker, VoterPicker } from './pickers';
import { RecallsTab } from './RecallsTab';
import { modeLabel, postLabel, STATUS_COLOURS, statusLabel, useLang } from './labels';

type DeadlineRow = z.infer<typeof Deadline>;

/** One election: its timeline, roll, candidates with the law's checks, counts per station and results. */
export function ElectionDetailPage() {
  const t = useElectionsT();
  const lang = useLang();
  const { id = '' } = useParams();
  const election = useElection(id);
  return (
    <DetailShell query={election} rows={10} notFoundTitle={t('detail.notFound')} backTo="/elections" backLabel={t('detail.back')}>
      {(e) => (
        <>
          <PageHeader
            documentTitle={t('detail.title', { community: e.communityName, term: e.term })}
            title={
              <Space>
                <Link to="/elections" aria-label={t('detail.back')}>
                  <ArrowLeftOutlined />
                </Link>
                {t('detail.title', { community: e.communityName, term: e.term })}
                <Tag color={STATUS_COLOURS[e.status as ElectionStatus]}>{statusLabel(e.status, lang)}</Tag>
              </Space>
            }
            extra={
              <Space>
                <ElectionActions e={e} />
                {e.results.length > 0 && (
                  <Link to={`/elections/${e.id}/announcement`}>
                    <Button icon={<PrinterOutlined />}>{t('result.announcement')}</Button>
                  </Link>
                )}
              </Space>
            }
          />
          {e.status === 'withdrawn' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('withdraw.done', { date: e.withdrawnOn ?? '' })}
              description={e.withdrawnReason}
            />
          )}
          <Card variant="borderless" size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('col.date')}>{e.electionDate}</Descriptions.Item>
              <Descriptions.Item label={t('col.mode')}>{modeLabel(e.mode, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('col.seats')}>
                {e.seatsDirector + e.seatsDeputy + e.seatsMember}（{postLabel('director', lang)} {e.seatsDirector} · {postLabel('deputy', lang)} {e.seatsDeputy}{' '}
                · {postLabel('member', lang)} {e.seatsMember}）
              </Descriptions.Item>
              <Descriptions.Item label={t('col.law')}>{e.law.title[lang]}</Descriptions.Item>
              <Descriptions.Item label={t('col.voters')}>
                {t('roll.count', { voters: e.voterCount, reps: e.householdRepCount, groupReps: e.groupRepCount })}
              </Descriptions.Item>
              <Descriptions.Item label={t('col.candidates')}>{e.candidateCount}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card variant="borderless" size="small">
            <Tabs
              items={[
                { key: 'timeline', label: t('tab.timeline'), children: <TimelineTab e={e} /> },
                { key: 'roll', label: t('tab.roll'), children: <RollTab e={e} /> },
                {
                  key: 'objections',
                  label: t('tab.objections', { n: e.objections.filter((o) => o.status === 'open').length }),
                  children: <ObjectionsTab e={e} />,
                },
                { key: 'candidates', label: t('tab.candidates'), children: <CandidatesTab e={e} /> },
                { key: 'tally', label: t('tab.tally'), children: <TallyTab e={e} /> },
                { key: 'recalls', label: t('tab.recalls'), children: <RecallsTab e={e} /> },
              ]}
            />
          </Card>
        </>
      )}
    </DetailShell>
  );
}

function TimelineTab({ e }: { e: ElectionDetail }) {
  const t = useElectionsT();
  const lang = useLang();
  const today = dayjs().format('YYYY-MM-DD');
  const columns: TableColumnsType<DeadlineRow> = [
    { title: t('timeline.deadline'), dataIndex: 'date', key: 'date', width: 120 },
    { title: t('timeline.item'), key: 'label', render: (_, d) => d.label[lang] },
    { title: t('timeline.basis'), key: 'basis', render: (_, d) => d.basis[lang] },
    {
      title: '',
      key: 'left',
      width: 120,
      render: (_, d) => {
        const days = dayjs(d.date).diff(dayjs(today), 'day');
        if (days < 0) return <Tag>{t('timeline.overdue')}</Tag>;
        if (days === 0) return <Tag color="red">{t('timeline.today')}</Tag>;
        return <Tag color={days <= 7 ? 'orange' : 'blue'}>{t('timeline.daysLeft', { days })}</Tag>;
      },
    },
  ];
  return <Table<DeadlineRow> rowKey="key" size="small" pagination={false} columns={columns} dataSource={e.timeline} />;
}

function RollTab({ e }: { e: ElectionDetail }) {
  const t = useElectionsT();
  const { message, modal } = App.useApp();
  const [view, setView] = useState<VotersParams['view']>(e.mode === 'group_reps' ? 'group_reps' : e.mode === 'household_reps' ? 'reps' : 'all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const voters = useVoters(e.id, { q: q || undefined, view, page, pageSize: 20 });
  const derive = useDeriveRoll(e.id);
  const change = useChangeVoter(e.id);
  const writable = e.capabilities.canEdit && e.status === 'preparing';
  const [form] = Form.useForm<{ residentId: string; reason: string }>();

  const onDerive = async () => {
    try {
      const r = await derive.mutateAsync(undefined);
      void message.success(t('roll.derived', { voters: r.voterCount, reps: r.householdRepCount, groupReps: r.groupRepCount, ms: r.ms }));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const onRemove = (v: VoterRow) => {
    let reason = '';
    modal.confirm({
      title: `${t('roll.remove')}：${v.name}`,
      content: <Input aria-label={t('roll.reasonLabel')} placeholder={t('roll.reasonLabel')} onChange={(ev) => (reason = ev.target.value)} />,
      onOk: async () => {
        await change.mutateAsync({ action: 'remove', residentId: v.residentId, reason }).catch((err: Error) => {
          void message.error(err.message);
          throw err;
        });
      },
    });
  };
  const onAdd = async () => {
    const v = await form.validateFields();
    try {
      await change.mutateAsync({ action: 'add', ...v });
      setAdding(false);
      form.resetFields();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  const columns: TableColumnsType<VoterRow> = [
    { title: t('roll.name'), dataIndex: 'name', key: 'name', width: 110 },
    { title: t('roll.id'), dataIndex: 'idMasked', key: 'id', width: 200, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('roll.sex'), dataIndex: 'sex', key: 'sex', width: 60, render: (s: 'M' | 'F') => t(`sex.${s}`) },
    { title: t('roll.address'), dataIndex: 'address', key: 'address', render: (v: string | null) => v ?? '—' },
    { title: t('roll.rep'), dataIndex: 'householdRep', key: 'rep', width: 110, render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : null) },
    {
      title: t('roll.groupRep'),
      dataIndex: 'groupRep',
      key: 'groupRep',
      width: 120,
      render: (v: boolean) => (v ? <Tag color="purple">{t('common.yes')}</Tag> : null),
    },
    { title: t('roll.source'), dataIndex: 'source', key: 'source', width: 80, render: (v: 'derived' | 'manual') => t(`roll.source.${v}`) },
    { title: t('roll.reason'), dataIndex: 'reason', key: 'reason', render: (v: string | null) => v ?? '' },
  ];
  if (writable && view !== 'excluded')
    columns.push({
      title: '',
      key: 'actions',
      width: 80,
      render: (_, v) => (
        <Button size="small" danger onClick={() => onRemove(v)}>
          {t('roll.remove')}
        </Button>
      ),
    });
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
        {writable && (
          <Button type="primary" icon={<ReloadOutlined />} loading={derive.isPending} onClick={onDerive}>
            {t('roll.derive')}
          </Button>
        )}
        {writable && <Button onClick={() => setAdding(true)}>{t('roll.add')}</Button>}
        <Segmented
          value={view}
          onChange={(v) => {
            setView(v as typeof view);
            setPage(1);
          }}
          options={VOTERS_VIEWS.map((v) => ({ value: v, label: t(`roll.view.${v}`) }))}
        />
        <Input.Search
          allowClear
          aria-label={t('roll.search')}
          placeholder={t('roll.search')}
          style={{ maxWidth: 260 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Button icon={<DownloadOutlined />} href={votersExportUrl(e.id, view === 'excluded' ? 'all' : view)}>
          {t('roll.export')}
        </Button>
        <Typography.Text type="secondary">{t('roll.count', { voters: e.voterCount, reps: e.householdRepCount, groupReps: e.groupRepCount })}</Typography.Text>
      </Flex>
      {e.mode === 'group_reps' && e.voterCount > 0 && e.groupRepCount === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('roll.groupRepsEmpty')} />
      )}
      <Table<VoterRow>
        rowKey="residentId"
        size="small"
        columns={columns}
        loading={voters.isFetching}
        dataSource={voters.data?.items ?? []}
        locale={{ emptyText: t('roll.empty') }}
        pagination={{ current: page, pageSize: 20, total: voters.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => n }}
        scroll={{ x: 900 }}
      />
      <Modal open={adding} title={t('roll.add')} onOk={onAdd} onCancel={() => setAdding(false)} confirmLoading={change.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="residentId" label={t('roll.resident')} rules={[{ required: true }]}>
            <ResidentPicker communityId={e.communityId} />
          </Form.Item>
          <Form.Item name="reason" label={t('roll.reasonLabel')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function CandidatesTab({ e }: { e: ElectionDetail }) {
  const t = useElectionsT();
  const lang = useLang();
  const { message } = App.useApp();
  const [nominating, setNominating] = useState(false);
  const nominate = useNominate(e.id);
  const [form] = Form.useForm<{ residentId: string; post: 'director' | 'deputy' | 'member'; nominatorCount: number }>();
  const writable = e.capabilities.canEdit && e.status === 'preparing';
  const onNominate = async () => {
    const v = await form.validateFields();
    try {
      await nominate.mutateAsync(v);
      setNominating(false);
      form.resetFields();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const columns: TableColumnsType<Candidate> = [
    { title: t('cand.name'), dataIndex: 'name', key: 'name' },
    { title: t('cand.sex'), dataIndex: 'sex', key: 'sex', width: 70, render: (s: 'M' | 'F') => t(`sex.${s}`) },
    { title: t('cand.age'), dataIndex: 'age', key: 'age', width: 70 },
    { title: t('cand.post'), dataIndex: 'post', key: 'post', width: 100, render: (p: string) => postLabel(p, lang) },
    { title: t('cand.nominators'), dataIndex: 'nominatorCount', key: 'nominators', width: 100 },
    {
      title: '',
      key: 'runoff',
      width: 140,
      render: (_, c) => (
        <>
          {c.inRunoff && <Tag color="orange">{t('cand.runoff')}</Tag>}
          {c.recalled && <Tag color="red">{t('cand.recalled')}</Tag>}
        </>
      ),
    },
  ];
  return (
    <>
      {writable && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setNominating(true)}>
          {t('cand.nominate')}
        </Button>
      )}
      <List
        size="small"
        header={<Typography.Text strong>{t('cand.checks')}</Typography.Text>}
        dataSource={e.checks}
        renderItem={(c) => (
          <List.Item>
            <Space>
              {c.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
              <span>{c[lang]}</span>
            </Space>
          </List.Item>
        )}
        style={{ marginBottom: 12 }}
      />
      {e.conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('cand.conflicts')}
          description={e.conflicts.map((c) => `${c.nameA} — ${c.nameB}`).join('；')}
        />
      )}
      <Table<Candidate> rowKey="id" size="small" pagination={false} columns={columns} dataSource={e.candidates} locale={{ emptyText: t('cand.empty') }} />
      <Modal
        open={nominating}
        title={t('cand.nominate')}
        onOk={onNominate}
        onCancel={() => setNominating(false)}
        confirmLoading={nominate.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ post: 'member', nominatorCount: e.law.minNominators }}>
          <Form.Item name="residentId" label={t('cand.voter')} rules={[{ required: true }]}>
            <VoterPicker electionId={e.id} />
          </Form.Item>
          <Form.Item name="post" label={t('cand.post')} rules={[{ required: true }]}>
            <Select aria-label={t('cand.post')} options={(['director', 'deputy', 'member'] as const).map((p) => ({ value: p, label: postLabel(p, lang) }))} />
          </Form.Item>
          <Form.Item name="nominatorCount" label={t('cand.nominators')} rules={[{ required: true }]}>
            <InputNumber aria-label={t('cand.nominators')} min={0} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function TallyTab({ e }: { e: ElectionDetail }) {
  const t = useElectionsT();
  const lang = useLang();
  const { message } = App.useApp();
  const enter = useEnterTally(e.id);
  const compute = useComputeResult(e.id);
  const round: 1 | 2 = e.status === 'runoff' ? 2 : 1;
  const standing = round === 2 ? e.candidates.filter((c) => c.inRunoff) : e.candidates;
  const open = e.capabilities.canEdit && (e.status === 'preparing' || e.status === 'runoff');
  const [form] = Form.useForm<{ station: string; ballotsIssued: number; ballotsReturned: number; invalidBallots: number; votes: Record<string, number> }>();
  const names = new Map(e.candidates.map((c) => [c.id, c.name]));
  const onSave = async () => {
    const v = await form.validateFields();
    const votes = Object.fromEntries(Object.entries(v.votes ?? {}).map(([k, n]) => [k, n ?? 0]));
    try {
      await enter.mutateAsync({ ...v, round, votes });
      void message.success(t('common.saved'));
      form.resetFields();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const onCompute = async () => {
    try {
      await compute.mutateAsync(round);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const tallyColumns: TableColumnsType<ElectionDetail['tallies'][number]> = [
    { title: t('tally.round'), dataIndex: 'round', key: 'round', width: 100, render: (r: number) => t(r === 1 ? 'tally.round1' : 'tally.round2') },
    { title: t('tally.station'), dataIndex: 'station', key: 'station' },
    { title: t('tally.issued'), dataIndex: 'ballotsIssued', key: 'issued', width: 100 },
    { title: t('tally.returned'), dataIndex: 'ballotsReturned', key: 'returned', width: 100 },
    { title: t('tally.invalid'), dataIndex: 'invalidBallots', key: 'invalid', width: 90 },
    {
      title: t('tally.votes'),
      dataIndex: 'votes',
      key: 'votes',
      render: (v: Record<string, number>) =>
        Object.entries(v)
          .map(([k, n]) => `${names.get(k) ?? k} ${n}`)
          .join('，'),
    },
  ];
  return (
    <>
      {open && (
        <Card size="small" title={`${t('tally.enter')}（${t(round === 1 ? 'tally.round1' : 'tally.round2')}）`} style={{ marginBottom: 12 }}>
          <Form form={form} layout="inline" style={{ rowGap: 8 }}>
            <Form.Item name="station" label={t('tally.station')} rules={[{ required: true }]}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="ballotsIssued" label={t('tally.issued')} rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="ballotsReturned" label={t('tally.returned')} rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="invalidBallots" label={t('tally.invalid')} rules={[{ required: true }]} initialValue={0}>
              <InputNumber min={0} />
            </Form.Item>
            {standing.map((c) => (
              <Form.Item key={c.id} name={['votes', c.id]} label={c.name} initialValue={0}>
                <InputNumber min={0} aria-label={`${t('tally.votes')} ${c.name}`} />
              </Form.Item>
            ))}
            <Form.Item>
              <Space>
                <Button onClick={onSave} loading={enter.isPending}>
                  {t('tally.save')}
                </Button>
                <Button type="primary" onClick={onCompute} loading={compute.isPending} disabled={!e.tallies.some((x) => x.round === round)}>
                  {t('tally.compute', { round })}
                </Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Table rowKey="id" size="small" pagination={false} columns={tallyColumns} dataSource={e.tallies} locale={{ emptyText: t('tally.none') }} />
      {e.results.map((r) => (
        <RoundCard key={r.round} r={r} names={names} lang={lang} />
      ))}
    </>
  );
}

function RoundCard({ r, names, lang }: { r: RoundResult; names: Map<string, string>; lang: 'zh' | 'en' }) {
  const t = useElectionsT();
  const list = (ids: string[]) => ids.map((id) => `${names.get(id) ?? id}（${r.votes[id] ?? 0}）`).join('，') || '—';
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={t('result.title', { round: r.round })}
      extra={<Tag color={r.valid ? 'success' : 'error'}>{t(r.valid ? 'result.valid' : 'result.void')}</Tag>}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('result.elected')}>{list(r.elected)}</Descriptions.Item>
        <Descriptions.Item label={t('result.unfilled')}>{r.unfilledSeats}</Descriptions.Item>
        {r.runoffCandidates.length > 0 && <Descriptions.Item label={t('result.runoff')}>{list(r.runoffCandidates)}</Descriptions.Item>}
      </Descriptions>
      {r.reasons.map((x) => (
        <Alert key={x.code} type={r.valid ? 'info' : 'error'} showIcon message={x[lang]} style={{ marginTop: 6 }} />
      ))}
    </Card>
  );
}
