import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, InputNumber, Modal, Select, Space, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ELECTION_MODES, ELECTION_STATUSES, type ElectionStatus } from '@shared/contracts/elections';
import type { RegionNodeT } from '@shared/contracts/regions';
import { useRegion } from '../../../app/region-context';
import { ListPage } from '../../../components/list/ListPage';
import { FilterSelect } from '../../../components/list/FilterSelect';
import { useListState } from '../../../components/list/use-list-state';

import { useSession } from '../../auth/hooks/use-session';
import { useCreateElection } from '../api/change-election';
import { useElections, type Election } from '../api/list-elections';
import { useElectionsT } from '../messages';
import { modeLabel, STATUS_COLOURS, statusLabel, useLang } from './labels';

/** The communities of the user's region tree, for the create form. */
function useCommunities() {
  const { roots } = useRegion();
  return useMemo(() => {
    const out: RegionNodeT[] = [];
    const walk = (n: RegionNodeT) => (n.level === 'community' ? out.push(n) : n.children.forEach(walk));
    roots.forEach(walk);
    return out;
  }, [roots]);
}

/** 换届选举: the elections of the communities in the user's scope. */
export function ElectionsPage() {
  const t = useElectionsT();
  const lang = useLang();
  const { can } = useSession();
  const state = useListState({ status: '' });
  const [creating, setCreating] = useState(false);
  const elections = useElections({ status: state.filters.status || undefined, page: state.page, pageSize: state.pageSize });
  const columns: TableColumnsType<Election> = [
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', render: (v: string, e) => <Link to={`/elections/${e.id}`}>{v}</Link> },
    { title: t('col.term'), dataIndex: 'term', key: 'term', width: 90, render: (v: number) => t('col.termValue', { term: v }) },
    { title: t('col.date'), dataIndex: 'electionDate', key: 'date', width: 120 },
    { title: t('col.mode'), dataIndex: 'mode', key: 'mode', width: 170, render: (v: string) => modeLabel(v, lang) },
    { title: t('col.seats'), key: 'seats', width: 90, render: (_, e) => e.seatsDirector + e.seatsDeputy + e.seatsMember },
    { title: t('col.voters'), dataIndex: 'voterCount', key: 'voters', width: 90 },
    { title: t('col.candidates'), dataIndex: 'candidateCount', key: 'candidates', width: 90 },
    { title: t('col.law'), dataIndex: 'lawCode', key: 'law', width: 80 },
    {
      title: t('col.status'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (v: ElectionStatus) => <Tag color={STATUS_COLOURS[v]}>{statusLabel(v, lang)}</Tag>,
    },
  ];
  return (
    <>
      <ListPage<Election, 'status'>
        title={t('list.title')}
        state={state}
        query={elections}
        columns={columns}
        rowKey="id"
        emptyText={t('list.empty')}
        scrollX={1000}
        filters={
          <FilterSelect
            label={t('list.status')}
            allLabel={t('list.allStatuses')}
            width={160}
            value={state.filters.status}
            onChange={(v) => state.set({ status: v })}
            options={ELECTION_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
          />
        }
        actions={
          can('elections.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('list.create')}
            </Button>
          )
        }
      />
      {creating && <CreateElectionModal onClose={() => setCreating(false)} />}
    </>
  );
}

interface CreateForm {
  communityId: string;
  term: number;
  mode: (typeof ELECTION_MODES)[number];
  electionDate: Dayjs;
  seatsDirector: number;
  seatsDeputy: number;
  seatsMember: number;
}

function CreateElectionModal({ onClose }: { onClose: () => void }) {
  const t = useElectionsT();
  const lang = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const communities = useCommunities();
  const create = useCreateElection();
  const [form] = Form.useForm<CreateForm>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const e = await create.mutateAsync({ ...v, electionDate: v.electionDate.format('YYYY-MM-DD') });
      onClose();
      navigate(`/elections/${e.id}`);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  return (
    <Modal open title={t('create.title')} okText={t('create.submit')} onOk={submit} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden>
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ mode: 'all_voters', seatsDirector: 1, seatsDeputy: 1, seatsMember: 3, term: 1, communityId: communities[0]?.id }}
      >
        <Form.Item name="communityId" label={t('create.community')} rules={[{ required: true }]}>
          <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} showSearch optionFilterProp="label" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="term" label={t('create.term')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
          <Form.Item name="electionDate" label={t('create.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="mode" label={t('create.mode')} rules={[{ required: true }]}>
          <Select options={ELECTION_MODES.map((m) => ({ value: m, label: modeLabel(m, lang) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="seatsDirector" label={t('create.director')}>
            <InputNumber min={1} max={1} />
          </Form.Item>
          <Form.Item name="seatsDeputy" label={t('create.deputy')}>
            <InputNumber min={0} max={8} />
          </Form.Item>
          <Form.Item name="seatsMember" label={t('create.member')} extra={t('create.seatsHint')}>
            <InputNumber min={0} max={8} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
