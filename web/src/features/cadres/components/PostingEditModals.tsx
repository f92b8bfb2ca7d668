import { Alert, App, Form, Input, Modal, theme } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { PostingDetail } from '@shared/contracts/cadres';
import { isApiError } from '../../../lib/api';
import { useUpdatePosting, useWithdrawPosting } from '../api/update-posting';
import { useCadresT, type CadresMessageKey } from '../messages';
import { PostingFields, postingBody, type PostingValues } from './PostingFields';

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

const FIELDS = ['title', 'post', 'quota', 'ageMax', 'educationMin', 'otherConditions', 'writtenWeight', 'shortlistRatio', 'noticeDays'];

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
  const problemOf = usePostingProblem();
  const [problem, setProblem] = useState<string | null>(null);
  const checked = p.applicants.some((a) => a.eligibility !== null && !a.eligibilityOverridden);

  const onFinish = (v: Values) => {
    setProblem(null);
    update.mutate(
      {
        id: p.id,
        body: {
          version: p.version,
          ...postingBody(v),
        },
      },
      {
        onSuccess: () => {
          message.success(t('rec.edited'));
          onClose();
        },
        onError: (err) => {
          // Stale: the page reloads the posting; the user opens the form again on what is stored now.
          if (isApiError(err, 'VERSION_CONFLICT')) {
            message.warning(t('rec.stale'));
            onClose();
            return;
          }
          if (isApiError(err) && Array.isArray(err.details)) {
            const fields = (err.details as { path?: string; message?: string }[])
              .map((d) => ({ name: String(d.path ?? '').replace(/^body\./, ''), errors: [d.message ?? err.message] }))
              .map((d) =>
                d.name === 'interviewWeight' ? { ...d, name: 'writtenWeight' } : d.name === 'opensOn' || d.name === 'closesOn' ? { ...d, name: 'window' } : d,
              )
              .filter((d) => [...FIELDS, 'window'].includes(d.name));
            if (fields.length) return form.setFields(fields as Parameters<typeof form.setFields>[0]);
          }
          setProblem(problemOf(err));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('rec.editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      width={640}
    >
      {checked && <Alert type="info" showIcon title={t('rec.editRecheck')} style={{ marginBottom: token.marginSM }} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: token.marginSM }} />}
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(p)} onFinish={onFinish}>
        <Form.Item label={t('col.community')}>
          <Input aria-label={t('col.community')} value={p.communityName} disabled />
        </Form.Item>
        <PostingFields />
      </Form>
    </Modal>
  );
}

/** 撤回招聘公告: asks for the reason and confirms; nothing more can happen on the posting afterwards. */
export function WithdrawPostingModal({ posting: p, onClose }: { posting: PostingDetail; onClose: () => void }) {
  const t = useCadresT();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawPosting();
  const problemOf = usePostingProblem();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('rec.withdrawTitle', { title: p.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={withdraw.isPending}
      okText={t('rec.withdraw')}
      okButtonProps={{ danger: true }}
      cancelText={t('form.cancel')}
    >
      <Alert type="warning" showIcon title={t('rec.withdrawBody', { n: p.applications })} style={{ marginBottom: token.marginSM }} />
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: token.marginSM }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setProblem(null);
          withdraw.mutate(
            { id: p.id, body: { version: p.version, reason: v.reason.trim() } },
            {
              onSuccess: () => {
                message.success(t('rec.withdrawn'));
                onClose();
              },
              onError: (err) => setProblem(problemOf(err)),
            },
          );
        }}
      >
        <Form.Item
          label={t('rec.withdrawReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, message: t('rec.withdrawReasonRequired') }]}
        >
          <Input.TextArea aria-label={t('rec.withdrawReason')} rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
