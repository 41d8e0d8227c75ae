import { DatePicker, Form, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type InterestSubsidyClaimDto, type LoanDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';

type PeriodKind = 'quarter' | 'custom';

export interface ClaimValues {
  periodKind: PeriodKind;
  /** Any day of the quarter claimed. */
  quarter?: Dayjs;
  periodStart?: Dayjs;
  periodEnd?: Dayjs;
}

/** The first and last day of the quarter a day falls in. */
export function quarterOf(day: Dayjs): { start: Dayjs; end: Dayjs } {
  const start = day.month(Math.floor(day.month() / 3) * 3).startOf('month');
  return { start, end: start.add(3, 'month').subtract(1, 'day') };
}

/** The period claimed, both days inclusive: a whole quarter, or the days entered. */
export function claimPeriod(values: ClaimValues): { periodStart: string; periodEnd: string } {
  if (values.periodKind === 'quarter') {
    const { start, end } = quarterOf(values.quarter!);
    return { periodStart: toDateOnly(start), periodEnd: toDateOnly(end) };
  }
  return { periodStart: toDateOnly(values.periodStart!), periodEnd: toDateOnly(values.periodEnd!) };
}

/** Only a period that has ended can be claimed: its last day is before today. */
const notOver = (day: Dayjs) => !day.isBefore(dayjs(), 'day');

function PeriodFields() {
  const { t } = useTranslation();
  const kind = Form.useWatch<PeriodKind | undefined>('periodKind');
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('interestClaims.form.periodKind')}</legend>
        <Form.Item name="periodKind">
          <Radio.Group
            options={[
              { value: 'quarter', label: t('interestClaims.form.quarter') },
              { value: 'custom', label: t('interestClaims.form.custom') },
            ]}
          />
        </Form.Item>
      </fieldset>
      {kind === 'custom' ? (
        <>
          <Form.Item
            name="periodStart"
            label={t('interestClaim.periodStart')}
            rules={[{ required: true, message: t('interestClaims.form.periodStartRequired') }]}
          >
            <DatePicker disabledDate={notOver} />
          </Form.Item>
          <Form.Item
            name="periodEnd"
            label={t('interestClaim.periodEnd')}
            extra={t('interestClaims.form.periodEndHelp')}
            dependencies={['periodStart']}
            rules={[
              { required: true, message: t('interestClaims.form.periodEndRequired') },
              ({ getFieldValue }) => ({
                validator: (_, end: Dayjs | undefined) =>
                  !end || !end.isBefore(getFieldValue('periodStart'), 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('problems.loan.period_invalid'))),
              }),
            ]}
          >
            <DatePicker disabledDate={notOver} />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="quarter"
          label={t('interestClaims.form.quarterLabel')}
          extra={t('interestClaims.form.quarterHelp')}
          rules={[{ required: true, message: t('interestClaims.form.quarterRequired') }]}
        >
          <DatePicker picker="quarter" disabledDate={(day) => notOver(quarterOf(day).end)} />
        </Form.Item>
      )}
    </>
  );
}

/**
 * Starts an interest subsidy claim (贷款贴息, a draft) for one ended period of a loan: usually a
 * quarter, or any days up to a year. It is decided and submitted from its own page.
 */
export function InterestClaimDialog({
  loan,
  onSaved,
  onClosed,
}: {
  loan: LoanDto;
  onSaved: (claim: InterestSubsidyClaimDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const lastQuarter = quarterOf(dayjs()).start.subtract(1, 'day');
  return (
    <FormDialog<ClaimValues, InterestSubsidyClaimDto>
      name="interestClaim"
      title={t('interestClaims.createTitle', { name: loan.borrowerName })}
      submitLabel={t('interestClaims.form.create')}
      initialValues={{ periodKind: 'quarter', quarter: lastQuarter }}
      onSubmit={(values) => api.createInterestSubsidyClaim({ loanId: loan.id, ...claimPeriod(values) })}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Typography.Paragraph>{t('interestClaims.form.notice')}</Typography.Paragraph>
      <PeriodFields />
    </FormDialog>
  );
}
