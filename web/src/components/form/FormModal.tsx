import { Alert, Form, Modal, theme, type FormInstance, type FormProps, type ModalProps } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

export interface FormModalProps<V> {
  form: FormInstance<V>;
  title: ReactNode;
  /** Cancel, Esc and the close button. */
  onClose: () => void;
  onFinish: (values: V) => void;
  initialValues?: FormProps<V>['initialValues'];
  /** True while the save is under way (the OK button spins). */
  saving?: boolean;
  /** Default: 保存 / Save, 取消 / Cancel. */
  okText?: ReactNode;
  cancelText?: ReactNode;
  okButtonProps?: ModalProps['okButtonProps'];
  width?: ModalProps['width'];
  /** After a 409: the warning that the form now shows what someone else saved (`staleText`, else the shared text). */
  stale?: boolean;
  staleText?: string;
  /** The error alert (the server's message), or nothing. */
  problem?: string | null;
  /** Alerts or notes above the form's own alerts (they are the modal's, not an error). */
  notice?: ReactNode;
  /** Extra props of the Form (aria-label, onValuesChange…). */
  formProps?: Omit<FormProps<V>, 'form' | 'onFinish' | 'initialValues' | 'children'>;
  children: ReactNode;
}

/** Enter in a one-line field saves; Ctrl/⌘+Enter saves from anywhere (a text area, an open list). */
function submitsOnEnter(e: KeyboardEvent<HTMLFormElement>): boolean {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.defaultPrevented) return false;
  if (e.ctrlKey || e.metaKey) return true;
  const el = e.target as HTMLElement;
  // Enter chooses in a select, a date picker or a cascader, and breaks the line in a text area.
  return el.tagName === 'INPUT' && el.getAttribute('role') !== 'combobox' && !el.closest('.ant-picker, .ant-select, .ant-cascader');
}

/**
 * The one modal form: an antd Modal around a vertical Form, mounted while open (destroyed on close), with
 * the stale-version warning and the error alert above the fields, the save spinning on OK, Enter saving and
 * Esc closing. Pair it with useVersionedSave (or useServerFormErrors) for what a refused save does.
 */
export function FormModal<V>({
  form,
  title,
  onClose,
  onFinish,
  initialValues,
  saving,
  okText,
  cancelText,
  okButtonProps,
  width = 560,
  stale,
  staleText,
  problem,
  notice,
  formProps,
  children,
}: FormModalProps<V>) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={okText ?? t('common.save')}
      cancelText={cancelText ?? t('common.cancel')}
      okButtonProps={okButtonProps}
      width={width}
      keyboard
      destroyOnHidden
    >
      {notice}
      {stale && <Alert type="warning" showIcon role="alert" title={staleText ?? t('form.stale')} style={{ marginBottom: token.marginSM }} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: token.marginSM }} />}
      <Form<V>
        layout="vertical"
        {...formProps}
        form={form}
        initialValues={initialValues}
        onFinish={onFinish}
        onKeyDown={(e) => {
          formProps?.onKeyDown?.(e);
          if (!submitsOnEnter(e)) return;
          e.preventDefault();
          form.submit();
        }}
      >
        {children}
      </Form>
    </Modal>
  );
}
