import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCadresT } from '../messages';

/** The four views of the cadre team, each its own route (so links from the 工作台 open the right one). */
export function CadresTabs() {
  const t = useCadresT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = ['/cadres/staffing', '/cadres/training', '/cadres/recruitment'].find((k) => pathname.startsWith(k)) ?? '/cadres';
  return (
    <Tabs
      activeKey={active}
      onChange={(k) => navigate(k)}
      items={[
        { key: '/cadres', label: t('tab.list') },
        { key: '/cadres/staffing', label: t('tab.staffing') },
        { key: '/cadres/training', label: t('tab.training') },
        { key: '/cadres/recruitment', label: t('tab.recruitment') },
      ]}
    />
  );
}

/** The title of the cadre team's pages: 社区干部 with the four views' tabs under it. */
export function CadresTitle() {
  const t = useCadresT();
  return (
    <>
      {t('list.title')}
      <CadresTabs />
    </>
  );
}
