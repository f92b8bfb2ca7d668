import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, theme } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { isApiError } from '../lib/api';
import { I18nProvider, useI18n } from '../lib/i18n';

/** One client for the whole app; errors that a retry cannot fix are not retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => count < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** Colours, spacing and type for the whole app (pages read them with theme.useToken()). */
const themeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1d5fa6',
    colorInfo: '#1d5fa6',
    // Readable for eyes of fifty (WCAG 2 AA, 4.5:1 on white and on the grey page): antd's default status
    // colours and its grey secondary, placeholder and description text fall short; axe-core checks it in e2e.
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#c41d1f',
    // The light backgrounds stay antd's (the palette of a dark seed would be grey).
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={themeConfig}>
      {children}
    </ConfigProvider>
  );
}

/** Query cache, language (with the matching antd locale) and theme. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localised>{children}</Localised>
      </I18nProvider>
    </QueryClientProvider>
  );
}
