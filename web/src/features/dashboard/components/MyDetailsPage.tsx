import { Typography } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useDashboardT } from '../messages';
import { MyDetails } from './MyDetails';

/** 我的信息 (the resident's menu entry): their own record and household. */
export function MyDetailsPage() {
  const t = useDashboardT();
  return (
    <>
      <PageHeader title={t('me.title')} />
      <Typography.Paragraph type="secondary">{t('me.intro')}</Typography.Paragraph>
      <MyDetails />
    </>
  );
}
