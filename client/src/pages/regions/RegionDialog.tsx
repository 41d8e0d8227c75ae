import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, RegionKind, toProblem, type RegionDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { localName } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';

interface RegionValues {
  code: string;
  name: string;
  nameEn: string;
  kind: RegionKind;
  parentId?: string;
  sortOrder: number;
  isActive: boolean;
}

function ParentField({ cities }: { cities: RegionDto[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const kind = Form.useWatch<RegionKind | undefined>('kind');
  if (!kind || kind === RegionKind.City) return null;
  return (
    <Form.Item
      name="parentId"
      label={t('regions.parent')}
      rules={[{ required: true, message: t('regions.parentRequired') }]}
    >
      <Select options={cities.map((city) => ({ value: city.id, label: localName(city, language) }))} />
    </Form.Item>
  );
}

/** Creates a region, or edits one sending its version in If-Match. */
export function RegionDialog({
  region,
  cities,
  onSaved,
  onStale,
  onClosed,
}: {
  region?: RegionDto;
  cities: RegionDto[];
  onSaved: () => void;
  onStale: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = async ({ isActive, ...values }: RegionValues) => {
    const input = {
      ...values,
      code: values.code.trim(),
      parentId: values.kind === RegionKind.City ? undefined : values.parentId,
    };
    if (!region) return api.createRegion(input);
    try {
      return await api.updateRegion(region.id, { ...input, isActive }, `"${region.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale();
      throw error;
    }
  };
  return (
    <FormDialog<RegionValues, RegionDto>
      name="region"
      title={region ? t('regions.editTitle', { name: localName(region, language) }) : t('regions.create')}
      submitLabel={region ? t('common.save') : t('common.create')}
      initialValues={
        region
          ? {
              code: region.code,
              name: region.name,
              nameEn: region.nameEn,
              kind: region.kind,
              parentId: region.parentId ?? undefined,
              sortOrder: region.sortOrder,
              isActive: region.isActive,
            }
          : { sortOrder: 0, isActive: true }
      }
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="code"
        label={t('regions.code')}
        extra={t('regions.codeRules')}
        rules={[{ required: true, whitespace: true, message: t('regions.codeRequired') }]}
      >
        <Input maxLength={6} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('regions.name')}
        rules={[{ required: true, whitespace: true, message: t('regions.nameRequired') }]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('regions.nameEn')}
        rules={[{ required: true, whitespace: true, message: t('regions.nameEnRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" lang="en" />
      </Form.Item>
      <Form.Item name="kind" label={t('regions.kind')} rules={[{ required: true, message: t('regions.kindRequired') }]}>
        <Select
          options={Object.values(RegionKind).map((kind) => ({ value: kind, label: t(`regions.kinds.${kind}`) }))}
        />
      </Form.Item>
      <ParentField cities={cities} />
      <Form.Item
        name="sortOrder"
        label={t('regions.sortOrder')}
        rules={[{ required: true, message: t('regions.sortOrderRequired') }]}
      >
        <InputNumber min={0} max={10000} precision={0} />
      </Form.Item>
      {region && (
        <Form.Item name="isActive" label={t('regions.isActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormDialog>
  );
}
