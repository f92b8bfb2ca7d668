import { Alert, App, Form, Input, theme } from 'antd';
import dayjs from 'dayjs';
import type { PostingDetail } from '@shared/contracts/cadres';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { isApiError } from '../../../lib/api';
import { useUpdatePosting, useWithdrawPosting } from '../api/update-posting';
import { useCadresT, type CadresMessageKey } from '../messages';
import { POSTING_FIELDS, POSTING_RENAME, PostingFields, postingBody, type PostingValues } from './PostingFields';

type Values = PostingValues;

const valuesOf = (p: PostingDetail): Values => ({
  title: p.title,
  post: p.post,
  quota: p.quota,
  ageMax: p.ageMax,
  educationMin: p.educationMin ?? undefined,
  otherConditions: p.otherConditions ?? '',
  window: [dayjs(p.opensOn), dayjs(p.closesOn)],
  writtenWeight: p.writtenWeight,
  shortlistRatio: p.shortlistRatio,
  noticeDays: p.noticeDays,
});

/** The server's 409 reasons on a posting, in words. */
const CONFLICTS: Record<string, CadresMessageKey> = {
  scores_entered: 'rec.conflict.scores_entered',
  posting_on_notice: 'rec.conflict.posting_on_notice',
  posting_withdrawn: 'rec.conflict.posting_withdrawn',
  already_decided: 'rec.conflict.already_decided',
};
/** What to tell the user for a refused change (stale version, a state that no longer allows it, or the server's message). */
export function usePostingProblem() {
  const t = useCadresT();
  return (err: Error): string => {
    if (isApiError(err, 'VERSION_CONFLICT')) return t('rec.stale');
    const reason = isApiError(err, 'CONFLICT') ? (err.details as { reason?: string } | undefined)?.reason : undefined;
    return reason && CONFLICTS[reason] ? t(CONFLICTS[reason]) : err.message;
  };
}

/**
 * 修改招聘公告: the posting form (the community stays), prefilled, saved at the version read. The server
 * allows it until the first score; a changed age, education or closing day clears the computed checks.
 */
export function EditPostingModal({ posting: p, onClose }: { posting: PostingDetail; onClose: () => void }) {
  const t = useCadresT();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePosting();
  const save = useServerFormErrors(form, {
    fields: POSTING_FIELDS,
    rename: POSTING_RENAME,
    problemOf: usePostingProblem(),
    // Stale: the page reloads the posting; the user opens the form again on what is stored now.
    onConflict: () => {
      message.warning(t('rec.stale'));
      onClose();
    },
  });
  const checked = p.applicants.some((a) => a.eligibility !== null && !a.eligibilityOverridden);

  const onFinish = (v: Values) => {
    save.clear();
    update.mutate(
      { id: p.id, body: { version: p.version, ...postingBody(v) } },
      {
        onSuccess: () => {
          message.success(t('rec.edited'));
          onClose();
        },
        onError: (err) => void save.fail(err),
      },
    );
  };

  return (
    <FormModal<Values>
      form={form}
      title={t('rec.editTitle')}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={valuesOf(p)}
      saving={update.isPending}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      width={640}
      problem={save.problem}
      notice={checked && <Alert type="info" showIcon title={t('rec.editRecheck')} style={{ marginBottom: token.marginSM }} />}
    >
      <Form.Item label={t('col.community')}>
        <Input aria-label={t('col.community')} value={p.communityName} disabled />
      </Form.Item>
      <PostingFields />
    </FormModal>
  );
}

/** 撤回招聘公告: asks for the reason and confirms; nothing more can happen on the posting afterwards. */
export function WithdrawPostingModal({ posting: p, onClose }: { posting: PostingDetail; onClose: () => void }) {
  const t = useCadresT();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawPosting();
  // A stale version is said in the alert here (there is nothing to reload into a reason).
  const save = useServerFormErrors(form, { fields: ['reason'], problemOf: usePostingProblem() });
  return (
    <FormModal<{ reason: string }>
      form={form}
      title={t('rec.withdrawTitle', { title: p.title })}
      onClose={onClose}
      onFinish={(v) => {
        save.clear();
        withdraw.mutate(
          { id: p.id, body: { version: p.version, reason: v.reason.trim() } },
          {
            onSuccess: () => {
              message.success(t('rec.withdrawn'));
              onClose();
            },
            onError: (err) => void save.fail(err),
          },
        );
      }}
      saving={withdraw.isPending}
      okText={t('rec.withdraw')}
      okButtonProps={{ danger: true }}
      cancelText={t('form.cancel')}
      width={520}
      problem={save.problem}
      notice={<Alert type="warning" showIcon title={t('rec.withdrawBody', { n: p.applications })} style={{ marginBottom: token.marginSM }} />}
    >
      <Form.Item label={t('rec.withdrawReason')} name="reason" rules={[{ required: true, whitespace: true, min: 2, message: t('rec.withdrawReasonRequired') }]}>
        <Input.TextArea aria-label={t('rec.withdrawReason')} rows={3} maxLength={500} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
