import { Card, Empty } from 'antd';
import { useI18n, type Bilingual } from '../lib/i18n';
import { PageHeader } from './PageHeader';

/** Placeholder for a page another feature will provide: its title and an empty state "建设中". */
export function UnderConstruction({ title }: { title: Bilingual }) {
  const { t, pick } = useI18n();
  return (
    <>
      <PageHeader title={pick(title)} />
      <Card variant="borderless">
        <Empty description={t('placeholder.title')}>{t('placeholder.desc')}</Empty>
      </Card>
    </>
  );
}
