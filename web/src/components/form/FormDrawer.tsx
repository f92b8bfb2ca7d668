import { Alert, Button, Drawer, Flex, Form, theme, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

export interface FormDrawerProps<V> {
  open: boolean;
  form: FormInstance<V>;
  title: ReactNode;
  /** Cancel, Esc and the close button. */
  onClose: () => void;
  onFinish: (values: V) => void;
  initialValues?: FormProps<V>['initialValues'];
  /** True while the save is under way (the save button spins). */
  saving?: boolean;
  /** The drawer's width in pixels. */
  size?: number;
  /** The error alert (the server's message), or nothing. */
  problem?: string | null;
  /** Extra props of the Form (aria-label, onFinishFailed, scrollToFirstError…). */
  formProps?: Omit<FormProps<V>, 'form' | 'onFinish' | 'initialValues' | 'children'>;
  children: ReactNode;
}

/**
 * The form in a side drawer, for forms too long for a modal (a new resident, a new organisation): a vertical
 * Form destroyed on close, the error alert above the fields, and 取消 / 保存 at the foot (the save spinning
 * while it runs). Pair it with useServerFormErrors for what a refused save does.
 */
export function FormDrawer<V>({ open, form, title, onClose, onFinish, initialValues, saving, size = 560, problem, formProps, children }: FormDrawerProps<V>) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={size}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={token.marginXS}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: token.marginSM }} />}
      <Form<V> layout="vertical" {...formProps} form={form} initialValues={initialValues} onFinish={onFinish}>
        {children}
      </Form>
    </Drawer>
  );
}
