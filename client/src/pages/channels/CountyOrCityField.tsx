import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { useCountyOptions } from '../registry/useCounties';

/**
 * The county a record is of. A county officer's records are of their county; a city officer may
 * leave it empty for a record of the city as a whole.
 */
export function CountyOrCityField() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const countyOfficer = !!user.countyId;
  return (
    <Form.Item
      name="countyId"
      label={t('channel.county')}
      extra={countyOfficer ? t('channel.countyHelp') : t('channel.cityHelp')}
      rules={countyOfficer ? [{ required: true, message: t('channel.countyRequired') }] : []}
    >
      <Select allowClear={!countyOfficer} placeholder={t('channel.cityLevel')} options={counties} />
    </Form.Item>
  );
}

/** The county's name, or "city level" for a record of the city as a whole. */
export function useCountyName(): (countyId: string | undefined) => string {
  const { t } = useTranslation();
  const counties = useCountyOptions();
  return (countyId) =>
    countyId ? (counties.find((county) => county.value === countyId)?.label ?? '') : t('channel.cityLevel');
}
