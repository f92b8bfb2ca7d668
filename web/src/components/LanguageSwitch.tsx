import { Button } from 'antd';
import { useI18n } from '../lib/i18n';

/** Switches between Chinese and English; the label names the language it switches to. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const target = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button type="text" lang={target} title={t('header.switchLanguageHint')} onClick={() => setLang(target)}>
      {t('header.switchLanguage')}
    </Button>
  );
}
