import { Typography } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useDashboardT } from '../messages';
import { MyElections } from './MyElections';

/** 我的选举 (the resident's menu entry): their community's published voter rolls and their own objections. */
export function MyElectionsPage() {
  const t = useDashboardT();
  return (
    <>
      <PageHeader title={t('el.pageTitle')} />
      <Typography.Paragraph type="secondary">{t('el.intro')}</Typography.Paragraph>
      <MyElections />
    </>
  );
}
