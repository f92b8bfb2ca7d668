import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCadresT } from '../messages';

/** The three views of the cadre team, each its own route (so links from the 工作台 open the right one). */
export function CadresTabs() {
  const t = useCadresT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = pathname.startsWith('/cadres/staffing') ? '/cadres/staffing' : pathname.startsWith('/cadres/training') ? '/cadres/training' : '/cadres';
  return (
    <Tabs
      activeKey={active}
      onChange={(k) => navigate(k)}
      items={[
        { key: '/cadres', label: t('tab.list') },
        { key: '/cadres/staffing', label: t('tab.staffing') },
        { key: '/cadres/training', label: t('tab.training') },
      ]}
    />
  );
}
