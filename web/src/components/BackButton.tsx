import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';

/**
 * ← back: to the previous page of this tab when there is one, else to `fallback` (a page opened in a fresh
 * tab, or from a bookmark, has no previous page; the router numbers its history entries in `state.idx`).
 */
export function BackButton({ fallback, label }: { fallback: string; label: string }) {
  const navigate = useNavigate();
  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(fallback);
  };
  return <Button type="text" aria-label={label} icon={<ArrowLeftOutlined />} onClick={back} />;
}
