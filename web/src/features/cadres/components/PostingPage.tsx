import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  theme,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { EDUCATION_LABELS, EDUCATION_LEVELS } from '@shared/domain/registry';
import type { EducationLevel } from '@shared/domain/recruitment';
import { CADRE_POST_LABELS } from '@shared/domain/staffing';
import { FormModal } from '../../../components/form/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { DetailShell } from '../../../components/DetailShell';
import { useI18n } from '../../../lib/i18n';
import { bi } from '../../organisations/components/communities';
import { ResidentSelect } from '../../residents/components/ResidentSelect';
import { useAnswerObjection } from '../api/answer-objection';
import { useCheckEligibility } from '../api/check-eligibility';
import { useCreateApplication } from '../api/create-application';
import { useCreateObjection } from '../api/create-objection';
import { useDecideOutcome } from '../api/decide-outcome';
import { useEnterScores } from '../api/enter-scores';
import { usePosting, type ApplicationView, type ObjectionView, type PostingDetail } from '../api/get-posting';
import { useOverrideEligibility } from '../api/override-eligibility';
import { useStartNotice } from '../api/start-notice';
import { useCadresT } from '../messages';
import { EditPostingModal, WithdrawPostingModal } from './PostingEditModals';
import { STAGE_COLOURS } from './RecruitmentPage';

type Dialog =
  | { kind: 'apply' }
  | { kind: 'scores'; test: 'written' | 'interview' }
  | { kind: 'notice' }
  | { kind: 'objection' }
  | { kind: 'answer'; objection: ObjectionView }
  | { kind: 'override'; applicant: ApplicationView }
  | { kind: 'appoint'; applicant: ApplicationView }
  | { kind: 'edit' }
  | { kind: 'withdraw' }
  | null;

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 招聘详情: the posting's conditions, applicants with eligibility, scores and ranking, the notice, objections and appointment. */
export function PostingPage() {
  const t = useCadresT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const posting = usePosting(id);
  const check = useCheckEligibility();
  const decide = useDecideOutcome();
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <DetailShell query={posting} notFoundTitle={t('rec.notFound')} backTo="/cadres/recruitment" backLabel={t('rec.back')}>
      {(p) => {
        const canWrite = p.capabilities.canEdit;
        const none = t('common.none');
        const fail = (err: Error) => void message.error(err.message);
        const interviewed = p.applicants.some((a) => a.interviewScore !== null);
        // What the server allows: edit until the first score (not on notice), withdraw until someone is appointed or nominated.
        const scored = p.applicants.some((a) => a.writtenScore !== null || a.interviewScore !== null);
        const editable = canWrite && ['upcoming', 'open', 'closed'].includes(p.stage) && !scored;
        const withdrawable = canWrite && p.stage !== 'withdrawn' && p.decided === 0;

        const confirmCheck = () =>
          modal.confirm({
            title: t('rec.checkTitle'),
            content: t('rec.checkBody'),
            okText: t('rec.check'),
            cancelText: t('form.cancel'),
            onOk: () => check.mutateAsync(p.id).then(() => void message.success(t('rec.done')), fail),
          });
        const confirmCandidate = (a: ApplicationView) =>
          modal.confirm({
            title: t('rec.candidateTitle', { name: a.name }),
            content: t('rec.candidateBody'),
            okText: t('rec.candidate'),
            cancelText: t('form.cancel'),
            onOk: () =>
              decide.mutateAsync({ id: a.id, body: { outcome: 'candidate', version: a.version } }).then(() => void message.success(t('rec.done')), fail),
          });

        const columns: TableColumnsType<ApplicationView> = [
          { title: t('rec.rank'), dataIndex: 'rank', key: 'rank', width: 60, render: (v: number | null) => v ?? none },
          { title: t('col.name'), dataIndex: 'name', key: 'name', width: 100 },
          { title: t('rec.idNumber'), dataIndex: 'idMasked', key: 'id', width: 180 },
          { title: t('col.age'), key: 'age', width: 70, render: (_: unknown, a) => a.age ?? a.ageBand },
          {
            title: t('col.education'),
            dataIndex: 'education',
            key: 'edu',
            width: 90,
            render: (v: EducationLevel | null) => (v ? bi(EDUCATION_LABELS[v], lang) : none),
          },
          {
            title: t('rec.eligibility'),
            key: 'eligibility',
            width: 160,
            render: (_: unknown, a) => (
              <Space size={2} wrap>
                {a.eligibility === null ? (
                  <Tag>{t('rec.notChecked')}</Tag>
                ) : (
                  <Tooltip title={a.eligibilityReason}>
                    <Tag color={a.eligibility === 'pass' ? 'success' : 'error'}>{t(`rec.elig.${a.eligibility}`)}</Tag>
                  </Tooltip>
                )}
                {a.eligibilityOverridden && <Tag color="gold">{t('rec.overridden')}</Tag>}
                {canWrite && (p.stage === 'open' || p.stage === 'closed') && (
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'override', applicant: a })}>
                    {t('rec.override')}
                  </Button>
                )}
              </Space>
            ),
          },
          { title: t('rec.written'), dataIndex: 'writtenScore', key: 'written', width: 70, render: (v: number | null) => v ?? none },
          {
            title: t('rec.interview'),
            key: 'interview',
            width: 90,
            render: (_: unknown, a) => (a.shortlisted ? (a.interviewScore ?? <Tag color="blue">{t('rec.shortlisted')}</Tag>) : none),
          },
          { title: t('rec.total'), dataIndex: 'total', key: 'total', width: 70, render: (v: number | null) => v ?? none },
          {
            title: t('rec.result'),
            key: 'result',
            width: 200,
            render: (_: unknown, a) =>
              a.outcome === 'appointed' ? (
                <Space size={2}>
                  <Tag color="success">{t('rec.outcome.appointed')}</Tag>
                  {a.cadreId && <Link to={`/cadres/${a.cadreId}`}>{t('rec.openCadre')}</Link>}
                </Space>
              ) : a.outcome === 'candidate' ? (
                <Tag color="purple">{t('rec.outcome.candidate')}</Tag>
              ) : a.proposed ? (
                <Space size={2} wrap>
                  <Tag color="processing">{t('rec.proposed')}</Tag>
                  {canWrite && p.stage === 'noticeEnded' && (
                    <>
                      <Button size="small" type="link" onClick={() => setDialog({ kind: 'appoint', applicant: a })}>
                        {t('rec.appoint')}
                      </Button>
                      <Button size="small" type="link" onClick={() => confirmCandidate(a)}>
                        {t('rec.candidate')}
                      </Button>
                    </>
                  )}
                </Space>
              ) : (
                none
              ),
          },
        ];

        return (
          <>
            <PageHeader
              documentTitle={p.title}
              title={
                <Space>
                  <Link to="/cadres/recruitment" aria-label={t('rec.back')}>
                    <ArrowLeftOutlined />
                  </Link>
                  {p.title}
                  <Tag color={STAGE_COLOURS[p.stage]}>{t(`stage.${p.stage}`)}</Tag>
                </Space>
              }
              extra={
                (editable || withdrawable) && (
                  <Space wrap>
                    {editable && (
                      <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
                        {t('rec.edit')}
                      </Button>
                    )}
                    {withdrawable && (
                      <Button danger icon={<StopOutlined />} onClick={() => setDialog({ kind: 'withdraw' })}>
                        {t('rec.withdraw')}
                      </Button>
                    )}
                  </Space>
                )
              }
            />
            <Space direction="vertical" size={token.marginSM} style={{ width: '100%' }}>
              {p.withdrawnOn && <Alert type="warning" showIcon title={t('rec.withdrawnInfo', { date: p.withdrawnOn })} description={p.withdrawnReason} />}
              <Card title={t('rec.posting')} variant="borderless" size="small">
                <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
                  <Descriptions.Item label={t('col.community')}>{p.communityName}</Descriptions.Item>
                  <Descriptions.Item label={t('col.post')}>{bi(CADRE_POST_LABELS[p.post], lang)}</Descriptions.Item>
                  <Descriptions.Item label={t('rec.quota')}>{p.quota}</Descriptions.Item>
                  <Descriptions.Item label={t('rec.window')}>{`${p.opensOn} ~ ${p.closesOn}`}</Descriptions.Item>
                  <Descriptions.Item label={t('rec.ageMax')}>{p.ageMax ?? none}</Descriptions.Item>
                  <Descriptions.Item label={t('rec.educationMin')}>{p.educationMin ? bi(EDUCATION_LABELS[p.educationMin], lang) : none}</Descriptions.Item>
                  <Descriptions.Item label={t('rec.weights')}>{t('rec.weightsValue', { w: p.writtenWeight, i: p.interviewWeight })}</Descriptions.Item>
                  <Descriptions.Item label={t('rec.ratio')}>{t('rec.ratioValue', { ratio: p.shortlistRatio, n: p.shortlistSize })}</Descriptions.Item>
                  <Descriptions.Item label={t('rec.notice')}>
                    {p.noticeStart ? t('rec.noticeValue', { start: p.noticeStart, end: p.noticeEnd ?? '' }) : t('rec.noticeDaysValue', { n: p.noticeDays })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('rec.otherConditions')} span={3}>
                    {p.otherConditions ?? none}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Card
                title={t('rec.applicants', { n: p.applications })}
                variant="borderless"
                size="small"
                extra={
                  canWrite && (
                    <Space wrap>
                      {p.stage === 'open' && <Button onClick={() => setDialog({ kind: 'apply' })}>{t('rec.apply')}</Button>}
                      {(p.stage === 'open' || p.stage === 'closed') && !interviewed && <Button onClick={confirmCheck}>{t('rec.check')}</Button>}
                      {p.stage === 'closed' && (
                        <>
                          <Button onClick={() => setDialog({ kind: 'scores', test: 'written' })}>{t('rec.enterWritten')}</Button>
                          <Button onClick={() => setDialog({ kind: 'scores', test: 'interview' })}>{t('rec.enterInterview')}</Button>
                          <Button type="primary" onClick={() => setDialog({ kind: 'notice' })}>
                            {t('rec.startNotice')}
                          </Button>
                        </>
                      )}
                      {p.stage === 'notice' && <Button onClick={() => setDialog({ kind: 'objection' })}>{t('rec.addObjection')}</Button>}
                    </Space>
                  )
                }
              >
                <Table<ApplicationView>
                  rowKey="id"
                  size="small"
                  columns={columns}
                  dataSource={p.applicants}
                  pagination={false}
                  scroll={{ x: 1100 }}
                  locale={{ emptyText: t('rec.noApplicants') }}
                />
              </Card>
              {(p.noticeStart || p.objections.length > 0) && (
                <Card title={t('rec.objections')} variant="borderless" size="small">
                  <Table<ObjectionView>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={p.objections}
                    locale={{ emptyText: t('rec.noObjections') }}
                    columns={[
                      { title: t('rec.receivedOn'), dataIndex: 'receivedOn', key: 'on', width: 110 },
                      {
                        title: t('rec.about'),
                        dataIndex: 'applicationId',
                        key: 'about',
                        width: 110,
                        render: (v: string | null) => (v ? (p.applicants.find((a) => a.id === v)?.name ?? none) : t('rec.aboutAll')),
                      },
                      { title: t('rec.objectionText'), dataIndex: 'text', key: 'text' },
                      {
                        title: t('rec.answer'),
                        key: 'answer',
                        render: (_: unknown, o) =>
                          o.upheld === null ? (
                            canWrite && p.stage !== 'withdrawn' ? (
                              <Button size="small" onClick={() => setDialog({ kind: 'answer', objection: o })}>
                                {t('rec.answerIt')}
                              </Button>
                            ) : (
                              <Tag>{t('rec.unanswered')}</Tag>
                            )
                          ) : (
                            <Space size={4}>
                              <Tag color={o.upheld ? 'error' : 'success'}>{t(o.upheld ? 'rec.upheld' : 'rec.notUpheld')}</Tag>
                              <Typography.Text>{o.answer}</Typography.Text>
                            </Space>
                          ),
                      },
                    ]}
                  />
                </Card>
              )}
            </Space>
            {dialog?.kind === 'edit' && <EditPostingModal posting={p} onClose={() => setDialog(null)} />}
            {dialog?.kind === 'withdraw' && <WithdrawPostingModal posting={p} onClose={() => setDialog(null)} />}
            {dialog && dialog.kind !== 'edit' && dialog.kind !== 'withdraw' && <PostingDialog posting={p} dialog={dialog} onClose={() => setDialog(null)} />}
          </>
        );
      }}
    </DetailShell>
  );
}

/** The forms of the posting page, one at a time. */
function PostingDialog({ posting: p, dialog, onClose }: { posting: PostingDetail; dialog: NonNullable<Dialog>; onClose: () => void }) {
  const t = useCadresT();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const apply = useCreateApplication();
  const scores = useEnterScores();
  const notice = useStartNotice();
  const objection = useCreateObjection();
  const answer = useAnswerObjection();
  const override = useOverrideEligibility();
  const decide = useDecideOutcome();
  const done = () => {
    void message.success(t('rec.done'));
    onClose();
  };
  const handlers = { onSuccess: done, onError: (err: Error) => void message.error(err.message) };
  const pending = [apply, scores, notice, objection, answer, override, decide].some((m) => m.isPending);

  let title = '';
  let body: React.ReactNode = null;
  let danger = false;
  let onFinish: (v: Record<string, unknown>) => void = () => undefined;
  let initialValues: Record<string, unknown> = {};
  switch (dialog.kind) {
    case 'apply':
      title = t('rec.apply');
      onFinish = (v) =>
        apply.mutate(
          {
            id: p.id,
            body: {
              name: String(v.name).trim(),
              idNumber: String(v.idNumber).trim(),
              education: (v.education as EducationLevel) ?? null,
              phone: (v.phone as string | undefined)?.trim() || null,
              residentId: (v.residentId as string | undefined) ?? null,
            },
          },
          handlers,
        );
      body = (
        <>
          <Form.Item label={t('col.name')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input aria-label={t('col.name')} maxLength={50} />
          </Form.Item>
          <Form.Item label={t('rec.idNumber')} name="idNumber" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input aria-label={t('rec.idNumber')} maxLength={18} />
          </Form.Item>
          <Form.Item label={t('col.education')} name="education">
            <Select aria-label={t('col.education')} allowClear options={EDUCATION_LEVELS.map((e) => ({ value: e, label: bi(EDUCATION_LABELS[e], lang) }))} />
          </Form.Item>
          <Form.Item label={t('rec.phone')} name="phone">
            <Input aria-label={t('rec.phone')} maxLength={30} />
          </Form.Item>
          <Form.Item label={t('rec.resident')} name="residentId" extra={t('rec.residentExtra')}>
            <ResidentSelect communityId={p.communityId} label={t('rec.resident')} placeholder={t('rec.residentHint')} />
          </Form.Item>
        </>
      );
      break;
    case 'scores': {
      const rows = p.applicants.filter((a) => (dialog.test === 'written' ? a.eligibility === 'pass' : a.shortlisted));
      title = t(dialog.test === 'written' ? 'rec.enterWritten' : 'rec.enterInterview');
      initialValues = Object.fromEntries(rows.map((a) => [a.id, dialog.test === 'written' ? a.writtenScore : a.interviewScore]));
      onFinish = (v) =>
        scores.mutate(
          { id: p.id, body: { test: dialog.test, scores: rows.map((a) => ({ applicationId: a.id, score: (v[a.id] as number | null | undefined) ?? null })) } },
          handlers,
        );
      body =
        rows.length === 0 ? (
          <Typography.Text type="secondary">{t('rec.noneToScore')}</Typography.Text>
        ) : (
          rows.map((a) => (
            <Form.Item key={a.id} label={`${a.name}（${a.idMasked}）`} name={a.id}>
              <InputNumber aria-label={a.name} min={0} max={100} step={0.5} style={{ width: 160 }} />
            </Form.Item>
          ))
        );
      break;
    }
    case 'notice':
      title = t('rec.startNotice');
      danger = true;
      initialValues = { startDate: dayjs().isAfter(dayjs(p.closesOn), 'day') ? dayjs() : dayjs(p.closesOn).add(1, 'day') };
      onFinish = (v) => notice.mutate({ id: p.id, body: { version: p.version, startDate: iso(v.startDate as Dayjs) } }, handlers);
      body = (
        <>
          <Typography.Paragraph>{t('rec.noticeBody', { n: p.noticeDays })}</Typography.Paragraph>
          <Form.Item label={t('rec.noticeStart')} name="startDate" rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker aria-label={t('rec.noticeStart')} disabledDate={(d) => !d.isAfter(dayjs(p.closesOn), 'day')} />
          </Form.Item>
        </>
      );
      break;
    case 'objection':
      title = t('rec.addObjection');
      initialValues = { receivedOn: dayjs(), applicationId: '' };
      onFinish = (v) =>
        objection.mutate(
          { id: p.id, body: { applicationId: (v.applicationId as string) || null, text: String(v.text).trim(), receivedOn: iso(v.receivedOn as Dayjs) } },
          handlers,
        );
      body = (
        <>
          <Form.Item label={t('rec.about')} name="applicationId">
            <Select
              aria-label={t('rec.about')}
              options={[{ value: '', label: t('rec.aboutAll') }, ...p.applicants.filter((a) => a.proposed).map((a) => ({ value: a.id, label: a.name }))]}
            />
          </Form.Item>
          <Form.Item label={t('rec.objectionText')} name="text" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input.TextArea aria-label={t('rec.objectionText')} rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item label={t('rec.receivedOn')} name="receivedOn" rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker aria-label={t('rec.receivedOn')} />
          </Form.Item>
        </>
      );
      break;
    case 'answer':
      title = t('rec.answerIt');
      danger = true;
      initialValues = { upheld: false };
      onFinish = (v) => answer.mutate({ id: dialog.objection.id, body: { answer: String(v.answer).trim(), upheld: v.upheld === true } }, handlers);
      body = (
        <>
          <Typography.Paragraph type="secondary">{dialog.objection.text}</Typography.Paragraph>
          <Form.Item label={t('rec.answer')} name="answer" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input.TextArea aria-label={t('rec.answer')} rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="upheld" label={t('rec.verdict')} extra={t('rec.answerFinal')}>
            <Radio.Group
              options={[
                { value: false, label: t('rec.notUpheld') },
                { value: true, label: t('rec.upheld') },
              ]}
            />
          </Form.Item>
        </>
      );
      break;
    case 'override':
      title = t('rec.overrideTitle', { name: dialog.applicant.name });
      initialValues = { eligibility: dialog.applicant.eligibility === 'pass' ? 'fail' : 'pass' };
      onFinish = (v) =>
        override.mutate(
          {
            id: dialog.applicant.id,
            body: { version: dialog.applicant.version, eligibility: v.eligibility as 'pass' | 'fail', reason: String(v.reason).trim() },
          },
          handlers,
        );
      body = (
        <>
          {dialog.applicant.eligibilityReason && <Typography.Paragraph type="secondary">{dialog.applicant.eligibilityReason}</Typography.Paragraph>}
          <Form.Item name="eligibility" label={t('rec.eligibility')}>
            <Radio.Group
              options={[
                { value: 'pass', label: t('rec.elig.pass') },
                { value: 'fail', label: t('rec.elig.fail') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('rec.reason')} name="reason" rules={[{ required: true, whitespace: true, min: 2, message: t('form.required') }]}>
            <Input.TextArea aria-label={t('rec.reason')} rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
      break;
    case 'appoint':
      title = t('rec.appointTitle', { name: dialog.applicant.name });
      danger = true;
      initialValues = { startDate: dayjs() };
      onFinish = (v) =>
        decide.mutate(
          { id: dialog.applicant.id, body: { outcome: 'appointed', version: dialog.applicant.version, startDate: iso(v.startDate as Dayjs) } },
          handlers,
        );
      body = (
        <>
          <Typography.Paragraph>{t('rec.appointBody', { post: bi(CADRE_POST_LABELS[p.post], lang), community: p.communityName })}</Typography.Paragraph>
          <Form.Item label={t('col.startDate')} name="startDate" rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker aria-label={t('col.startDate')} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </>
      );
      break;
  }
  return (
    <FormModal
      form={form}
      title={title}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={initialValues}
      saving={pending}
      okText={danger ? t('rec.confirm') : undefined}
      okButtonProps={{ danger }}
    >
      {body}
    </FormModal>
  );
}
