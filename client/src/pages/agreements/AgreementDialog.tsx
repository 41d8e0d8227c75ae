import { Form, Input, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type SupplyAgreementDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { BaseSelect } from '../bases/BaseSelect';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { DateFields, type DateValues } from '../evidence/dated';
import { PersonSelect } from '../registry/PersonSelect';

type CounterpartyKind = 'base' | 'person';

interface AgreementValues extends DateValues {
  enterpriseId: string;
  counterpartyKind: CounterpartyKind;
  baseId?: string;
  personId?: string;
  products: string;
}

/** The parties, chosen when the agreement is recorded: the enterprise, and a base or a person. */
function PartyFields() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const kind = Form.useWatch<CounterpartyKind | undefined>('counterpartyKind');
  return (
    <>
      <Form.Item
        name="enterpriseId"
        label={t('agreement.enterprise')}
        rules={[{ required: true, message: t('agreements.form.enterpriseRequired') }]}
      >
        <EnterpriseSelect />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('agreement.counterpartyKind')}</legend>
        <Form.Item name="counterpartyKind">
          <Radio.Group
            options={[
              { value: 'base', label: t('agreements.form.withBase') },
              { value: 'person', label: t('agreements.form.withPerson') },
            ]}
          />
        </Form.Item>
      </fieldset>
      {kind === 'person' ? (
        <Form.Item
          name="personId"
          label={t('agreements.form.person')}
          extra={t('agreements.form.personHelp')}
          rules={[{ required: true, message: t('agreements.form.personRequired') }]}
        >
          <PersonSelect countyId={user.countyId} household="any" />
        </Form.Item>
      ) : (
        <Form.Item
          name="baseId"
          label={t('agreements.form.base')}
          rules={[{ required: true, message: t('agreements.form.baseRequired') }]}
        >
          <BaseSelect />
        </Form.Item>
      )}
    </>
  );
}

/**
 * Records a direct-purchase/supply agreement (直采直供) of an enterprise with a base or a disabled
 * person, or corrects one's dates and products sending its version in If-Match. The end date is the
 * agreement's last day in force.
 */
export function AgreementDialog({
  agreement,
  enterpriseId,
  onSaved,
  onStale,
  onClosed,
}: {
  agreement?: SupplyAgreementDto;
  /** The enterprise a new agreement is of, when it is recorded from the enterprise's page. */
  enterpriseId?: string;
  onSaved: (agreement: SupplyAgreementDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const submit = async (values: AgreementValues) => {
    const details = {
      startDate: toDateOnly(values.startDate),
      endDate: values.endDate && toDateOnly(values.endDate),
      products: values.products.trim(),
    };
    if (!agreement) {
      return api.createSupplyAgreement({
        ...details,
        enterpriseId: values.enterpriseId,
        baseId: values.counterpartyKind === 'base' ? values.baseId : undefined,
        personId: values.counterpartyKind === 'person' ? values.personId : undefined,
      });
    }
    try {
      return await api.updateSupplyAgreement(agreement.id, details, `"${agreement.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<AgreementValues, SupplyAgreementDto>
      name="agreement"
      title={agreement ? t('agreements.editTitle', { name: agreement.enterpriseName }) : t('agreements.create')}
      submitLabel={agreement ? t('common.save') : t('common.create')}
      initialValues={
        agreement
          ? {
              startDate: dayjs(agreement.startDate),
              endDate: agreement.endDate ? dayjs(agreement.endDate) : undefined,
              products: agreement.products,
            }
          : { enterpriseId, counterpartyKind: 'base' }
      }
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      {agreement ? (
        <Typography.Paragraph>
          {t('agreements.form.fixed', {
            enterprise: agreement.enterpriseName,
            counterparty: agreement.baseName ?? agreement.personName,
          })}
        </Typography.Paragraph>
      ) : (
        <PartyFields />
      )}
      <DateFields />
      <Form.Item
        name="products"
        label={t('agreement.products')}
        extra={t('agreements.form.productsHelp')}
        rules={[{ required: true, whitespace: true, message: t('agreements.form.productsRequired') }]}
      >
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormDialog>
  );
}
