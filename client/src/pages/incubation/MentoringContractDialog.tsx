import { DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type CreateMentoringContractCommand, type MentoringContractDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { CountyOrCityField } from '../channels/CountyOrCityField';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { PersonSelect } from '../registry/PersonSelect';

/** The largest contract amount the form takes, in yuan. */
const MAX_AMOUNT = 100_000_000;

interface ContractValues {
  title: string;
  providerEnterpriseId: string;
  countyId?: string;
  amount: number;
  startDate: Dayjs;
  endDate: Dayjs;
}

export function contractRequest(values: ContractValues): CreateMentoringContractCommand {
  return {
    title: values.title.trim(),
    providerEnterpriseId: values.providerEnterpriseId,
    countyId: values.countyId || undefined,
    amount: values.amount,
    startDate: toDateOnly(values.startDate),
    endDate: toDateOnly(values.endDate),
  };
}

/** Records a contract under which an enterprise provides mentors to disabled entrepreneurs (导师帮扶). */
export function MentoringContractDialog({
  onSaved,
  onClosed,
}: {
  onSaved: (contract: MentoringContractDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <FormDialog<ContractValues, MentoringContractDto>
      name="mentoringContract"
      title={t('mentoringContracts.create')}
      submitLabel={t('common.create')}
      initialValues={{ countyId: user.countyId }}
      onSubmit={(values) => api.createMentoringContract(contractRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="title"
        label={t('mentoring.contractTitle')}
        rules={[{ required: true, whitespace: true, message: t('mentoringContracts.form.titleRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="providerEnterpriseId"
        label={t('mentoring.provider')}
        rules={[{ required: true, message: t('mentoringContracts.form.providerRequired') }]}
      >
        <EnterpriseSelect />
      </Form.Item>
      <CountyOrCityField />
      <Form.Item
        name="amount"
        label={t('mentoring.amountYuan')}
        rules={[{ required: true, message: t('mentoringContracts.form.amountRequired') }]}
      >
        <InputNumber min={0.01} max={MAX_AMOUNT} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item
        name="startDate"
        label={t('evidence.startDate')}
        rules={[{ required: true, message: t('evidence.startDateRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="endDate"
        label={t('mentoring.endDate')}
        dependencies={['startDate']}
        rules={[
          { required: true, message: t('mentoringContracts.form.endDateRequired') },
          ({ getFieldValue }) => ({
            validator: (_, end: Dayjs | undefined) =>
              !end || !end.isBefore(getFieldValue('startDate'), 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('problems.dates.end_before_start'))),
          }),
        ]}
      >
        <DatePicker />
      </Form.Item>
    </FormDialog>
  );
}

/** Adds a disabled person the contract's mentors help. */
export function BeneficiaryDialog({
  contract,
  onSaved,
  onClosed,
}: {
  contract: MentoringContractDto;
  onSaved: (contract: MentoringContractDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <FormDialog<{ personId: string }, MentoringContractDto>
      name="beneficiary"
      title={t('mentoringContracts.addBeneficiaryTitle', { title: contract.title })}
      submitLabel={t('mentoringContracts.addBeneficiary')}
      onSubmit={({ personId }) => api.addMentoringBeneficiary(contract.id, { personId })}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="personId"
        label={t('mentoring.person')}
        extra={t('mentoringContracts.form.beneficiaryHelp')}
        rules={[{ required: true, message: t('mentoringContracts.form.personRequired') }]}
      >
        <PersonSelect countyId={contract.countyId ?? user.countyId} household="any" />
      </Form.Item>
    </FormDialog>
  );
}
