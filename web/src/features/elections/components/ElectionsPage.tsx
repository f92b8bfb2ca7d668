import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ELECTION_STATUSES, type ElectionStatus } from '@shared/contracts/elections';
import { useRegion } from '../../../app/region-context';
import { ListPage } from '../../../components/list/ListPage';
import { FilterSelect } from '../../../components/list/FilterSelect';
import { useListState } from '../../../components/list/use-list-state';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { communitiesOf } from '../../organisations/components/communities';
import { useSession } from '../../auth/hooks/use-session';
import { useCreateElection } from '../api/change-election';
import { useElections, type Election } from '../api/list-elections';
import { useElectionsT } from '../messages';
import { ELECTION_FIELDS, ElectionFields, type ElectionFormValues } from './ElectionFields';
import { modeLabel, STATUS_COLOURS, statusLabel, useLang } from './labels';

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

interface CreateForm extends ElectionFormValues {
  communityId: string;
}

/** 新建换届选举: the community, then the election's own fields. */
function CreateElectionModal({ onClose }: { onClose: () => void }) {
  const t = useElectionsT();
  const navigate = useNavigate();
  const { roots } = useRegion();
  const communities = communitiesOf(roots);
  const create = useCreateElection();
  const [form] = Form.useForm<CreateForm>();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: ['communityId', ...ELECTION_FIELDS] });
  const submit = (v: CreateForm) => {
    clear();
    create.mutate(
      { ...v, electionDate: v.electionDate.format('YYYY-MM-DD') },
      {
        onSuccess: (e) => {
          onClose();
          navigate(`/elections/${e.id}`);
        },
        onError: (err) => void fail(err),
      },
    );
  };
  return (
    <FormModal<CreateForm>
      form={form}
      title={t('create.title')}
      okText={t('create.submit')}
      onClose={onClose}
      onFinish={submit}
      saving={create.isPending}
      problem={problem}
      initialValues={{ mode: 'all_voters', seatsDirector: 1, seatsDeputy: 1, seatsMember: 3, term: 1, communityId: communities[0]?.id }}
    >
      <Form.Item name="communityId" label={t('create.community')} rules={[{ required: true }]}>
        <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} showSearch optionFilterProp="label" />
      </Form.Item>
      <ElectionFields />
    </FormModal>
  );
}
