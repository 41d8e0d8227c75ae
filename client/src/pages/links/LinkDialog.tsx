import { Form, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type BenefitLinkDto, type LinkType } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { DateFields, type DateValues } from '../evidence/dated';
import { HouseholdSelect } from '../households/HouseholdSelect';
import { PersonSelect } from '../registry/PersonSelect';
import { LINK_TYPES } from './useLinks';

type PartyKind = 'enterprise' | 'entrepreneur';

interface LinkValues extends DateValues {
  partyKind: PartyKind;
  enterpriseId?: string;
  entrepreneurPersonId?: string;
  householdId: string;
  type: LinkType;
}

/** Who links with the household (an enterprise or an entrepreneur), the household and how. */
function LinkFields() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const partyKind = Form.useWatch<PartyKind | undefined>('partyKind');
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('link.partyKind')}</legend>
        <Form.Item name="partyKind">
          <Radio.Group
            options={[
              { value: 'enterprise', label: t('links.form.partyEnterprise') },
              { value: 'entrepreneur', label: t('links.form.partyEntrepreneur') },
            ]}
          />
        </Form.Item>
      </fieldset>
      {partyKind === 'entrepreneur' ? (
        <Form.Item
          name="entrepreneurPersonId"
          label={t('links.form.entrepreneur')}
          extra={t('links.form.entrepreneurHelp')}
          rules={[{ required: true, message: t('links.form.entrepreneurRequired') }]}
        >
          <PersonSelect household="any" />
        </Form.Item>
      ) : (
        <Form.Item
          name="enterpriseId"
          label={t('links.form.enterprise')}
          rules={[{ required: true, message: t('links.form.enterpriseRequired') }]}
        >
          <EnterpriseSelect />
        </Form.Item>
      )}
      <Form.Item
        name="householdId"
        label={t('link.household')}
        extra={t('links.form.householdHelp')}
        rules={[{ required: true, message: t('links.form.householdRequired') }]}
      >
        <HouseholdSelect countyId={user.countyId} />
      </Form.Item>
      <Form.Item name="type" label={t('link.type')} rules={[{ required: true, message: t('links.form.typeRequired') }]}>
        <Select options={LINK_TYPES.map((value) => ({ value, label: t(`link.types.${value}`) }))} />
      </Form.Item>
    </>
  );
}

/**
 * Records a benefit link (利益联结) of an enterprise or an entrepreneur with a disabled household, or
 * corrects a link's dates sending its version in If-Match. The end date is the last day in force.
 */
export function LinkDialog({
  link,
  enterpriseId,
  onSaved,
  onStale,
  onClosed,
}: {
  link?: BenefitLinkDto;
  /** The enterprise of a new link, when it is recorded from the enterprise's page. */
  enterpriseId?: string;
  onSaved: (link: BenefitLinkDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const submit = async (values: LinkValues) => {
    const dates = { startDate: toDateOnly(values.startDate), endDate: values.endDate && toDateOnly(values.endDate) };
    if (!link) {
      return api.createBenefitLink({
        ...dates,
        enterpriseId: values.partyKind === 'enterprise' ? values.enterpriseId : undefined,
        entrepreneurPersonId: values.partyKind === 'entrepreneur' ? values.entrepreneurPersonId : undefined,
        householdId: values.householdId,
        type: values.type,
      });
    }
    try {
      return await api.updateBenefitLink(link.id, dates, `"${link.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<LinkValues, BenefitLinkDto>
      name="link"
      title={link ? t('links.editTitle', { name: link.householdHeadName }) : t('links.create')}
      submitLabel={link ? t('common.save') : t('common.create')}
      initialValues={
        link
          ? { startDate: dayjs(link.startDate), endDate: link.endDate ? dayjs(link.endDate) : undefined }
          : { partyKind: 'enterprise', enterpriseId }
      }
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      {link ? (
        <Typography.Paragraph>
          {t('links.form.fixed', {
            party: link.enterpriseName ?? link.entrepreneurName,
            household: link.householdHeadName,
            type: t(`link.types.${link.type}`),
          })}
        </Typography.Paragraph>
      ) : (
        <LinkFields />
      )}
      <DateFields />
    </FormDialog>
  );
}
