import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce as "loading". */
export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="status" className={fullPage ? 'full-page-center' : 'loading'}>
      <Spin size="large" />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
