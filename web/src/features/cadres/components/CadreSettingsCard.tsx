import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Form, InputNumber, Row, Skeleton, Typography, theme } from 'antd';
import { useState } from 'react';
import type { CadreSettings, CadreSettingsView } from '@shared/contracts/cadres';
import { FormModal } from '../../../components/form/FormModal';
import { useVersionedSave } from '../../../components/form/use-server-form';
import { useSession } from '../../auth/hooks/use-session';
import { useCadreSettings } from '../api/get-settings';
import { useUpdateCadreSettings } from '../api/update-settings';
import { useCadresT } from '../messages';

const FIELDS = ['fullTime', 'partTime', 'police', 'workersPer10k', 'leaderYears', 'otherYears'] as const;

const valuesOf = ({ version: _version, ...values }: CadreSettingsView): CadreSettings => values;

/**
 * The form: the staffing standard (per community, and per 10,000 residents) and the training cadence, saved
 * at the version read. When someone else saved in between (409) the latest values are loaded into the form
 * and the user is told to check them and save again: nothing is overwritten silently.
 */
function SettingsModal({
  settings,
  onClose,
  reload,
}: {
  settings: CadreSettingsView;
  onClose: () => void;
  reload: () => Promise<CadreSettingsView | undefined>;
}) {
  const t = useCadresT();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<CadreSettings>();
  const update = useUpdateCadreSettings();
  const save = useVersionedSave(form, { initial: settings, reload, valuesOf, fields: FIELDS });
  const count = (name: (typeof FIELDS)[number], max: number) => (
    <Form.Item label={t(`settings.${name}`)} name={name} rules={[{ required: true, message: t('form.required') }]}>
      <InputNumber
        aria-label={t(`settings.${name}`)}
        min={name === 'leaderYears' || name === 'otherYears' ? 1 : 0}
        max={max}
        precision={0}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
  const onFinish = (v: CadreSettings) =>
    save.run(
      (base) => update.mutateAsync({ ...v, version: base.version }),
      () => {
        message.success(t('settings.saved'));
        onClose();
      },
    );
  return (
    <FormModal<CadreSettings>
      form={form}
      title={t('settings.edit')}
      onClose={onClose}
      onFinish={(v) => void onFinish(v)}
      initialValues={valuesOf(settings)}
      saving={update.isPending}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      stale={save.stale}
      staleText={t('settings.stale')}
      problem={save.problem}
    >
      <Typography.Title level={5}>{t('settings.staffing')}</Typography.Title>
      <Row gutter={token.marginSM}>
        <Col xs={24} sm={8}>
          {count('fullTime', 50)}
        </Col>
        <Col xs={24} sm={8}>
          {count('partTime', 50)}
        </Col>
        <Col xs={24} sm={8}>
          {count('police', 50)}
        </Col>
      </Row>
      <Form.Item label={t('settings.workersPer10k')} name="workersPer10k" rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber aria-label={t('settings.workersPer10k')} min={0} max={200} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Typography.Title level={5}>{t('settings.cadence')}</Typography.Title>
      <Row gutter={token.marginSM}>
        <Col xs={24} sm={12}>
          {count('leaderYears', 10)}
        </Col>
        <Col xs={24} sm={12}>
          {count('otherYears', 10)}
        </Col>
      </Row>
    </FormModal>
  );
}

/**
 * 配备标准与培训周期: the city-wide settings that the staffing report and the training reminders follow.
 * Everyone who reads cadres sees them; holders of cadres.configure (the city bureau) change them.
 */
export function CadreSettingsCard() {
  const t = useCadresT();
  const { can } = useSession();
  const settings = useCadreSettings();
  const [editing, setEditing] = useState(false);
  const s = settings.data;
  return (
    <Card
      size="small"
      variant="borderless"
      title={t('settings.title')}
      extra={
        can('cadres.configure') &&
        s && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('settings.edit')}
          </Button>
        )
      }
    >
      {!s ? (
        settings.isError ? (
          <Typography.Text type="danger">{settings.error.message}</Typography.Text>
        ) : (
          <Skeleton active paragraph={{ rows: 1 }} />
        )
      ) : (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('settings.fullTime')}>{t('settings.people', { n: s.fullTime })}</Descriptions.Item>
          <Descriptions.Item label={t('settings.partTime')}>{t('settings.people', { n: s.partTime })}</Descriptions.Item>
          <Descriptions.Item label={t('settings.police')}>{t('settings.people', { n: s.police })}</Descriptions.Item>
          <Descriptions.Item label={t('settings.workersPer10k')}>{t('settings.people', { n: s.workersPer10k })}</Descriptions.Item>
          <Descriptions.Item label={t('settings.leaderYears')}>{t('settings.years', { n: s.leaderYears })}</Descriptions.Item>
          <Descriptions.Item label={t('settings.otherYears')}>{t('settings.years', { n: s.otherYears })}</Descriptions.Item>
        </Descriptions>
      )}
      {editing && s && <SettingsModal settings={s} onClose={() => setEditing(false)} reload={async () => (await settings.refetch()).data} />}
    </Card>
  );
}
