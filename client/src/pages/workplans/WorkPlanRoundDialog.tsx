import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type WorkPlanRoundDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { useCountyOptions } from '../registry/useCounties';

export interface RoundValues {
  programmeId: string;
  title: string;
  deadline: Dayjs;
  countyIds: string[];
}

export function roundRequest(values: RoundValues) {
  return { title: values.title.trim(), deadline: toDateOnly(values.deadline), countyIds: values.countyIds };
}

/** The counties that must file, as checkboxes in a labelled group, with one button to tick them all. */
function CountiesField() {
  const { t } = useTranslation();
  const counties = useCountyOptions();
  const form = Form.useFormInstance<RoundValues>();
  return (
    <fieldset className="form-fieldset">
      <legend>{t('workPlans.form.counties')}</legend>
      <Flex vertical gap="small" align="start">
        <Button
          onClick={() =>
            form.setFieldValue(
              'countyIds',
              counties.map((county) => county.value),
            )
          }
        >
          {t('workPlans.form.allCounties')}
        </Button>
        <Form.Item
          name="countyIds"
          rules={[
            {
              // A validator rather than `required`: AntD would put aria-required on the group, which no group role allows.
              validator: (_, value: string[] | undefined) =>
                value && value.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('workPlans.form.countiesRequired'))),
            },
          ]}
        >
          <Checkbox.Group options={counties} />
        </Form.Item>
      </Flex>
    </fieldset>
  );
}

/**
 * Opens a filing round (a programme, a title, the deadline as a CST date and the counties that must
 * file) or edits one: a county that has uploaded or submitted its plan stays in the round (the API
 * refuses, 409).
 */
export function WorkPlanRoundDialog({
  round,
  onSaved,
  onClosed,
}: {
  round?: WorkPlanRoundDto;
  onSaved: (round: WorkPlanRoundDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.getProgrammes() });
  const initialValues: Partial<RoundValues> = round
    ? {
        programmeId: round.programmeId,
        title: round.title,
        deadline: dayjs(round.deadline),
        countyIds: round.filings.map((filing) => filing.countyId),
      }
    : { programmeId: programmes.data?.[0]?.id, countyIds: [] };
  const submit = (values: RoundValues) =>
    round
      ? api.updateWorkPlanRound(round.id, roundRequest(values), `"${round.version}"`)
      : api.createWorkPlanRound({ programmeId: values.programmeId, ...roundRequest(values) });
  if (!round && programmes.isPending) return null;
  return (
    <FormDialog<RoundValues, WorkPlanRoundDto>
      name="workPlanRound"
      title={round ? t('workPlans.editTitle', { title: round.title }) : t('workPlans.create')}
      submitLabel={round ? t('common.save') : t('common.create')}
      width={640}
      initialValues={initialValues}
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="programmeId"
        label={t('workPlans.programme')}
        rules={[{ required: true, message: t('workPlans.form.programmeRequired') }]}
      >
        <Select
          disabled={!!round}
          options={(programmes.data ?? []).map((programme) => ({ value: programme.id, label: programme.name }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('workPlans.roundTitle')}
        rules={[{ required: true, whitespace: true, message: t('workPlans.form.titleRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('workPlans.deadline')}
        extra={t('workPlans.form.deadlineHelp')}
        rules={[{ required: true, message: t('workPlans.form.deadlineRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <CountiesField />
    </FormDialog>
  );
}
