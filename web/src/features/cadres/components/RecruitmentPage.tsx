import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { RECRUITMENT_DEFAULTS, type PostingStage } from '@shared/domain/recruitment';
import { CADRE_POST_LABELS, type CadrePost } from '@shared/domain/staffing';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { PageHeader } from '../../../components/PageHeader';
import { FilterSelect } from '../../../components/list/FilterSelect';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { bi, communitiesOf } from '../../organisations/components/communities';
import { useRegion } from '../../../app/region-context';
import { useCreatePosting } from '../api/create-posting';
import { usePostings, type PostingListItem } from '../api/list-postings';
import { useCadresT } from '../messages';
import { usePostingProblem } from './PostingEditModals';
import { POSTING_FIELDS, POSTING_RENAME, PostingFields, postingBody, type PostingValues } from './PostingFields';
import { CadresTabs } from './CadresTabs';

/** The colour of a posting's stage tag. */
export const STAGE_COLOURS: Record<PostingStage, string> = {
  upcoming: 'default',
  open: 'processing',
  closed: 'warning',
  notice: 'purple',
  noticeEnded: 'success',
  withdrawn: 'default',
};

type NewPostingValues = PostingValues & { communityId: string };

/** 招聘: the recruitment postings of the caller's communities, and a new posting. */
export function RecruitmentPage() {
  const t = useCadresT();
  const { lang } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { roots } = useRegion();
  const communities = communitiesOf(roots);
  const [communityId, setCommunityId] = useState('');
  const postings = usePostings(communityId || undefined);
  const create = useCreatePosting();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewPostingValues>();
  const { problem, clear, fail } = useServerFormErrors(form, {
    fields: ['communityId', ...POSTING_FIELDS],
    rename: POSTING_RENAME,
    problemOf: usePostingProblem(),
  });

  const columns: TableColumnsType<PostingListItem> = [
    { title: t('rec.title'), dataIndex: 'title', key: 'title', render: (v: string, r) => <Link to={`/cadres/recruitment/${r.id}`}>{v}</Link> },
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 100 },
    { title: t('col.post'), dataIndex: 'post', key: 'post', width: 160, render: (v: CadrePost) => bi(CADRE_POST_LABELS[v], lang) },
    { title: t('rec.quota'), dataIndex: 'quota', key: 'quota', width: 70 },
    { title: t('rec.window'), key: 'window', width: 200, render: (_: unknown, r) => `${r.opensOn} ~ ${r.closesOn}` },
    { title: t('rec.applications'), dataIndex: 'applications', key: 'applications', width: 80 },
    {
      title: t('rec.stage'),
      dataIndex: 'stage',
      key: 'stage',
      width: 130,
      render: (v: PostingStage, r) => (
        <Space size={2}>
          <Tag color={STAGE_COLOURS[v]}>{t(`stage.${v}`)}</Tag>
          {v === 'closed' && r.unchecked > 0 && <Tag color="error">{t('rec.unchecked', { n: r.unchecked })}</Tag>}
        </Space>
      ),
    },
  ];
  const close = () => {
    form.resetFields();
    clear();
    setOpen(false);
  };
  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          can('cadres.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('rec.new')}
            </Button>
          )
        }
      />
      <CadresTabs />
      <Card variant="borderless" size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <FilterSelect
            label={t('col.community')}
            allLabel={t('list.allCommunities')}
            width={200}
            value={communityId}
            onChange={setCommunityId}
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
          />
          <Table<PostingListItem>
            rowKey="id"
            size="small"
            loading={postings.isPending}
            columns={columns}
            dataSource={postings.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('rec.empty') }}
          />
        </Space>
      </Card>
      {open && (
        <FormModal<NewPostingValues>
          form={form}
          title={t('rec.new')}
          onClose={close}
          saving={create.isPending}
          width={640}
          problem={problem}
          initialValues={{
            post: 'full_time_worker',
            quota: 1,
            ageMax: 35,
            educationMin: 'college',
            window: [dayjs(), dayjs().add(14, 'day')],
            writtenWeight: RECRUITMENT_DEFAULTS.writtenWeight,
            shortlistRatio: RECRUITMENT_DEFAULTS.shortlistRatio,
            noticeDays: RECRUITMENT_DEFAULTS.noticeDays,
          }}
          onFinish={(v) => {
            clear();
            create.mutate(
              {
                communityId: v.communityId,
                ...postingBody(v),
              },
              {
                onSuccess: (p) => {
                  close();
                  navigate(`/cadres/recruitment/${p.id}`);
                },
                onError: (err) => void fail(err),
              },
            );
          }}
        >
          <Form.Item label={t('col.community')} name="communityId" rules={[{ required: true, message: t('form.required') }]}>
            <Select aria-label={t('col.community')} options={communities.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <PostingFields />
        </FormModal>
      )}
    </>
  );
}
