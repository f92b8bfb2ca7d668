import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, TreeSelect, theme } from 'antd';
import { useMemo, useState } from 'react';
import { DOMAINS, ROLES, ROLE_LABELS, type DepartmentDomain, type Role } from '@shared/domain/permissions';
import { useRegion } from '../../../app/region-context';
import { isApiError } from '../../../lib/api';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { PASSWORD_POLICY, passwordRule } from '../../../lib/password';
import { toTreeData } from '../../regions/region-label';
import { useCreateAccount } from '../api/create-account';
import type { Account } from '../api/list-accounts';
import { useUpdateAccount } from '../api/update-account';

interface GrantValues {
  role?: Role;
  regionId?: string;
  domain?: DepartmentDomain;
}
interface Values {
  username: string;
  displayName: string;
  password: string;
  grants: GrantValues[];
}

/**
 * 新建账户 (name, initial password and one or more (role, region[, department]) grants), or 编辑账户 when an
 * account is given: its name and grants, carrying the version read (a stale edit is refused and says so).
 */
export function AccountModal({ open, onClose, account }: { open: boolean; onClose: () => void; account?: Account | null }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const editing = !!account;
  const pending = create.isPending || update.isPending;
  const title = editing ? t('accounts.edit', { name: account.username }) : t('accounts.create');
  const { roots } = useRegion();
  const [problem, setProblem] = useState<string | null>(null);
  const treeData = useMemo(() => toTreeData(roots, lang), [roots, lang]);
  const roleOptions = ROLES.map((r) => ({ value: r, label: lang === 'en' ? ROLE_LABELS[r].en : ROLE_LABELS[r].zh }));
  const domainOptions = DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}` as MessageKey) }));
  const required = { required: true, message: t('accounts.required') };

  const close = () => {
    form.resetFields();
    setProblem(null);
    onClose();
  };

  const grantsOf = (values: Values) =>
    values.grants.map((g) => ({ role: g.role!, regionId: g.regionId!, domain: g.role === 'department' ? (g.domain ?? null) : null }));

  const onFinish = (values: Values) => {
    setProblem(null);
    if (account) {
      // Grants go only when they changed: changing them ends the account's sessions (and may need approval).
      const keyOf = (gs: { role: string; regionId: string; domain?: string | null }[]) =>
        gs
          .map((g) => `${g.role}:${g.regionId}:${g.domain ?? ''}`)
          .sort()
          .join('|');
      const grants = grantsOf(values);
      update.mutate(
        {
          id: account.id,
          version: account.version,
          displayName: values.displayName.trim(),
          grants: keyOf(grants) === keyOf(account.grants) ? undefined : grants,
        },
        {
          onSuccess: (saved) => {
            message.success(saved.grants.some((g) => g.pending) ? t('accounts.createdPending') : t('accounts.saved'));
            close();
          },
          onError: (err) => setProblem(err.message),
        },
      );
      return;
    }
    create.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        grants: grantsOf(values),
      },
      {
        onSuccess: (account) => {
          // 三员: say that a grant with personal data does nothing until the security administrator approves it.
          message.success(account.grants.some((g) => g.pending) ? t('accounts.createdPending') : t('accounts.created'));
          close();
        },
        onError: (err) => {
          if (isApiError(err, 'DUPLICATE')) form.setFields([{ name: 'username', errors: [err.message] }]);
          else if (isApiError(err, 'AUTH_PASSWORD_WEAK')) form.setFields([{ name: 'password', errors: [err.message] }]);
          else setProblem(err.message);
        },
      },
    );
  };

  return (
    <Modal open={open} title={title} onCancel={close} footer={null} destroyOnHidden width={640}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={pending}
        initialValues={
          account
            ? {
                username: account.username,
                displayName: account.displayName,
                grants: account.grants.map((g) => ({ role: g.role, regionId: g.regionId, domain: (g.domain ?? undefined) as DepartmentDomain | undefined })),
              }
            : { grants: [{}] }
        }
        aria-label={title}
      >
        <Flex gap={token.marginMD} wrap>
          <Form.Item
            style={{ flex: 1, minWidth: 200 }}
            label={t('accounts.username')}
            name="username"
            tooltip={t('accounts.usernameRule')}
            rules={[required, { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: t('accounts.usernameRule') }]}
          >
            <Input autoComplete="off" autoFocus={!editing} disabled={editing} />
          </Form.Item>
          <Form.Item style={{ flex: 1, minWidth: 200 }} label={t('accounts.displayName')} name="displayName" rules={[required, { max: 50 }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Flex>
        {!editing && (
          <Form.Item
            label={t('accounts.password')}
            name="password"
            extra={`${t('accounts.passwordHint')}；${t('password.rule', { ...PASSWORD_POLICY })}`}
            rules={[required, passwordRule(t, () => form.getFieldValue('username'))]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.List
          name="grants"
          rules={[{ validator: async (_, grants?: GrantValues[]) => (grants?.length ? undefined : Promise.reject(new Error(t('accounts.grantsRequired')))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend style={{ fontSize: token.fontSize, marginBottom: token.marginXS }}>{t('accounts.grants')}</legend>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={token.marginXS} align="start" wrap>
                  <Form.Item name={[field.name, 'role']} rules={[required]} style={{ width: 150 }}>
                    <Select aria-label={`${t('accounts.role')} ${i + 1}`} placeholder={t('accounts.role')} options={roleOptions} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'regionId']} rules={[required]} style={{ flex: 1, minWidth: 180 }}>
                    <TreeSelect
                      aria-label={`${t('accounts.region')} ${i + 1}`}
                      placeholder={t('accounts.region')}
                      treeData={treeData}
                      treeDefaultExpandedKeys={roots.map((r) => r.id)}
                      showSearch={{ treeNodeFilterProp: 'title' }}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.grants?.[field.name]?.role !== b.grants?.[field.name]?.role}>
                    {({ getFieldValue }) =>
                      getFieldValue(['grants', field.name, 'role']) === 'department' ? (
                        <Form.Item name={[field.name, 'domain']} rules={[required]} style={{ width: 130 }}>
                          <Select aria-label={`${t('accounts.domain')} ${i + 1}`} placeholder={t('accounts.domain')} options={domainOptions} />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <Button aria-label={t('accounts.removeGrant')} icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: token.marginMD }}>
                {t('accounts.addGrant')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: token.marginMD }} />}
        <Flex justify="flex-end" gap={token.marginXS}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={pending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
