import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from '../components/usePageTitle';

/** An unknown address, or (with a title and detail) a record that does not exist or is out of scope. */
export function NotFoundPage({ title, detail }: { title?: string; detail?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const heading = title ?? t('notFound.title');
  usePageTitle(heading);
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{heading}</h1>}
      subTitle={detail ?? t('notFound.detail')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
