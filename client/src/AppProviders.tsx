import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ConfigProviderProps, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, type ReactNode } from 'react';
import { useReducedMotion } from './components/useReducedMotion';
import { useLanguage } from './i18n/useLanguage';

/**
 * AntD's default blue, red and secondary-text colours fall below the 4.5:1 contrast WCAG AA asks
 * of small text on white; these are the darker shades of the same palettes.
 */
const palette: ThemeConfig['token'] = {
  colorPrimary: '#0958d9',
  // Hovered and pressed primary buttons darken rather than lighten, so white text stays readable.
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
  colorInfo: '#0958d9',
  colorLink: '#0958d9',
  colorError: '#cf1322',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
};

/**
 * A table's "no data" text and a date picker's days of the neighbouring months are drawn in the
 * disabled grey, too faint to read: they take the secondary text colour. A selected row under the
 * pointer is a paler blue than AntD's, so that the links in it keep 4.5:1.
 */
const components: ThemeConfig['components'] = {
  Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.65)', rowSelectedHoverBg: '#d0e8ff' },
  DatePicker: { colorTextDisabled: 'rgba(0, 0, 0, 0.65)' },
};

/** The required-field asterisk is decoration: aria-required already tells screen readers. */
const form: ConfigProviderProps['form'] = {
  requiredMark: (label, { required }) => (
    <>
      {label}
      {required && (
        <span aria-hidden className="required-mark">
          *
        </span>
      )}
    </>
  ),
};

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const language = useLanguage();
  const reducedMotion = useReducedMotion();
  const theme = useMemo<ThemeConfig>(
    () => ({ token: { ...palette, motion: !reducedMotion }, components }),
    [reducedMotion],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === 'en' ? enUS : zhCN}
        theme={theme}
        button={{ autoInsertSpace: false }}
        form={form}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
