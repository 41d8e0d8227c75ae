import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { localName, toDateOnly } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';

export function useProgrammes() {
  return useQuery({ queryKey: ['programmes'], queryFn: () => api.getProgrammes() });
}

/**
 * The fields every policy version has: its programme, the date it takes effect and a note. A version
 * takes effect within its programme's period, so choosing a date a programme covers chooses that
 * programme; an existing version keeps its programme.
 */
export function ProgrammeFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const programmes = useProgrammes();
  const effectiveFrom = Form.useWatch<Dayjs | undefined>('effectiveFrom', form);
  useEffect(() => {
    if (editing || !effectiveFrom) return;
    const date = toDateOnly(effectiveFrom);
    const covering = programmes.data?.find((programme) => programme.periodStart <= date && date <= programme.periodEnd);
    if (covering) form.setFieldValue('programmeId', covering.id);
  }, [editing, effectiveFrom, programmes.data, form]);
  return (
    <>
      <Form.Item
        name="effectiveFrom"
        label={t('policy.effectiveFrom')}
        extra={t('policies.effectiveFromHelp')}
        rules={[{ required: true, message: t('policies.effectiveFromRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="programmeId"
        label={t('policies.programme')}
        extra={editing ? undefined : t('policies.programmeHelp')}
        rules={[{ required: true, message: t('policies.programmeRequired') }]}
      >
        <Select
          disabled={editing}
          options={programmes.data?.map((programme) => ({
            value: programme.id,
            label: localName(programme, language),
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('policy.note')} extra={t('policies.noteHelp')}>
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </>
  );
}
