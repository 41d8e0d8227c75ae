import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, setLanguage } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';

/** Switches the interface language; each option is named in its own language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Radio.Group
      aria-label={t('language.switch')}
      optionType="button"
      size="small"
      value={language}
      onChange={(event) => {
        if (isLanguage(event.target.value)) void setLanguage(event.target.value);
      }}
      options={LANGUAGES.map((language) => ({
        value: language,
        label: <span lang={language}>{t(`language.names.${language}`, { lng: language })}</span>,
      }))}
    />
  );
}
