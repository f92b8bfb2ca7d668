import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EDUCATION_LABELS, EDUCATION_LEVELS } from '@shared/domain/registry';
import { RECRUITMENT_DEFAULTS, type EducationLevel, type PostingStage } from '@shared/domain/recruitment';
import { CADRE_POST_LABELS, CADRE_POSTS, type CadrePost } from '@shared/domain/staffing';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { bi, communitiesOf } from '../../organisations/components/communities';
import { useRegion } from '../../../app/region-context';
import { useCreatePosting } from '../api/create-posting';
import { usePostings, type PostingListItem } from '../api/list-postings';
import { useCadresT } from '../messages';
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

interface PostingValues {
  communityId: string;
  title: string;
  post: CadrePost;
  quota: number;
  ageMax?: number | null;
  educationMin?: EducationLevel | null;
  otherConditions?: string;
  window: [Dayjs, Dayjs];
  writtenWeight: number;
  shortlistRatio: number;
  noticeDays: number;
}

/** 招聘: the recruitment postings of the caller's communities, and a new posting. */
export function RecruitmentPage() {
  const t = useCadresT();
  const { lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { roots } = useRegion();
  const communities = communitiesOf(roots);
  const [communityId, setCommunityId] = useState('');
  const postings = usePostings(communityId || undefined);
  const create = useCreatePosting();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PostingValues>();

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
          <Select
            aria-label={t('col.community')}
            style={{ width: 200 }}
            value={communityId}
            onChange={setCommunityId}
            options={[{ value: '', label: t('list.allCommunities') }, ...communities.map((c) => ({ value: c.id, label: c.name }))]}
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
      <Modal
        open={open}
        title={t('rec.new')}
        onCancel={close}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okText={t('form.save')}
        cancelText={t('form.cancel')}
        width={640}
        destroyOnHidden
      >
        <Form<PostingValues>
          form={form}
          layout="vertical"
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
          onFinish={(v) =>
            create.mutate(
              {
                communityId: v.communityId,
                title: v.title.trim(),
                post: v.post,
                quota: v.quota,
                ageMax: v.ageMax ?? null,
                educationMin: v.educationMin ?? null,
                otherConditions: v.otherConditions?.trim() || null,
                opensOn: v.window[0].format('YYYY-MM-DD'),
                closesOn: v.window[1].format('YYYY-MM-DD'),
                writtenWeight: v.writtenWeight,
                interviewWeight: 100 - v.writtenWeight,
                shortlistRatio: v.shortlistRatio,
                noticeDays: v.noticeDays,
              },
              {
                onSuccess: (p) => {
                  close();
                  navigate(`/cadres/recruitment/${p.id}`);
                },
                onError: (err) => void message.error(err.message),
              },
            )
          }
        >
          <Form.Item label={t('col.community')} name="communityId" rules={[{ required: true, message: t('form.required') }]}>
            <Select aria-label={t('col.community')} options={communities.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item label={t('rec.title')} name="title" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input aria-label={t('rec.title')} maxLength={100} />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('col.post')} name="post">
              <Select
                aria-label={t('col.post')}
                style={{ width: 220 }}
                options={CADRE_POSTS.map((p) => ({ value: p, label: bi(CADRE_POST_LABELS[p], lang) }))}
              />
            </Form.Item>
            <Form.Item label={t('rec.quota')} name="quota" rules={[{ required: true, message: t('form.required') }]}>
              <InputNumber aria-label={t('rec.quota')} min={1} max={50} />
            </Form.Item>
            <Form.Item label={t('rec.ageMax')} name="ageMax">
              <InputNumber aria-label={t('rec.ageMax')} min={18} max={70} />
            </Form.Item>
            <Form.Item label={t('rec.educationMin')} name="educationMin">
              <Select
                aria-label={t('rec.educationMin')}
                allowClear
                style={{ width: 160 }}
                options={EDUCATION_LEVELS.map((e) => ({ value: e, label: bi(EDUCATION_LABELS[e], lang) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item label={t('rec.otherConditions')} name="otherConditions">
            <Input.TextArea aria-label={t('rec.otherConditions')} maxLength={1000} rows={2} />
          </Form.Item>
          <Form.Item label={t('rec.window')} name="window" rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker.RangePicker aria-label={t('rec.window')} />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('rec.writtenWeight')} name="writtenWeight" extra={t('rec.weightsHint')}>
              <InputNumber aria-label={t('rec.writtenWeight')} min={0} max={100} />
            </Form.Item>
            <Form.Item label={t('rec.ratio')} name="shortlistRatio">
              <InputNumber aria-label={t('rec.ratio')} min={1} max={5} step={0.1} />
            </Form.Item>
            <Form.Item label={t('rec.noticeDays')} name="noticeDays">
              <InputNumber aria-label={t('rec.noticeDays')} min={1} max={30} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
