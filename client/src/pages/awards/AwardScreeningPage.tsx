import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, BenefitType, toProblem, type AwardFactsDto, type AwardScreeningRowDto } from '../../api';
import { downloadExport } from '../../api/download';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, useListState } from '../../components/useListState';
import { problemMessage } from '../../errors/problemMessage';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { NAV, PERMISSIONS } from '../../nav/navigation';
import { DecisionExplanation } from '../claims/DecisionExplanation';
import { useCountyOptions } from '../registry/useCounties';
import { AWARD_TYPES, AWARDS_KEY, type AwardType } from './useAwards';

const FILTER_KEYS = ['type', 'year', 'countyId'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** The first year worth screening: the programme started in 2017. */
const FIRST_YEAR = 2017;

/** The figure that decides each award, as a column: sales, households carried, bases under agreement, employees. */
function useKeyFigure(type: AwardType): { title: string; render: (facts: AwardFactsDto) => string } {
  const { t } = useTranslation();
  const language = useLanguage();
  switch (type) {
    case BenefitType.PovertyAlleviationBaseEnterpriseAward:
      return {
        title: t('awardFacts.basesWithActiveAgreements'),
        render: (facts) => String(facts.basesWithActiveAgreements ?? ''),
      };
    case BenefitType.EmploymentBaseEnterpriseAward:
      return { title: t('awardFacts.disabledEmployees'), render: (facts) => String(facts.disabledEmployees ?? '') };
    default:
      return { title: t('screening.totalSalesYuan'), render: (facts) => formatYuan(facts.totalSales, language) };
  }
}

/**
 * Screening for an award (资格筛查): who qualifies today, or on 31 December of a past year, and has no
 * application of it yet, each with the amount and the criteria. A writer starts an application from a
 * row; the list can be exported for the county's records. County officers screen their own county.
 */
export function AwardScreeningPage() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const cityOfficer = !user.countyId;
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const type: AwardType = (AWARD_TYPES as readonly string[]).includes(list.filters.type ?? '')
    ? (list.filters.type as AwardType)
    : AWARD_TYPES[0];
  const thisYear = new Date().getFullYear();
  const yearValue = Number(list.filters.year);
  const year = Number.isInteger(yearValue) && yearValue >= FIRST_YEAR && yearValue < thisYear ? yearValue : undefined;
  const countyId = cityOfficer ? list.filters.countyId : undefined;
  const figure = useKeyFigure(type);

  const screening = useQuery({
    queryKey: [...AWARDS_KEY, 'screening', type, year, countyId],
    queryFn: () => api.getAwardScreening(enumValue(BenefitType, type)!, year, countyId),
    placeholderData: keepPreviousData,
  });

  const apply = useMutation({
    mutationFn: (row: AwardScreeningRowDto) => api.createAwardApplication({ type, beneficiaryId: row.beneficiaryId }),
    onSuccess: (application) => void navigate(`/awards/applications/${application.id}`),
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });

  const exportList = useMutation({
    mutationFn: () =>
      downloadExport('/api/awards/screening/export', { type, year, countyId }, `award-screening-${type}.xlsx`),
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });

  const columns: TableColumnsType<AwardScreeningRowDto> = [
    { key: 'beneficiary', title: t('awards.beneficiary'), dataIndex: 'beneficiaryName' },
    { key: 'county', title: t('awards.county'), dataIndex: 'countyName' },
    { key: 'figure', title: figure.title, align: 'end', render: (_, row) => figure.render(row.facts) },
    {
      key: 'amount',
      title: t('awards.amountYuan'),
      align: 'end',
      render: (_, row) => formatYuan(row.decision.amount, language),
    },
    {
      key: 'criteria',
      title: t('screening.criteria'),
      render: (_, row) =>
        t('screening.criteriaMet', {
          met: row.decision.criteria.filter((criterion) => criterion.met).length,
          total: row.decision.criteria.length,
        }),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, row: AwardScreeningRowDto) => (
              <Button
                size="small"
                type="primary"
                loading={apply.isPending && apply.variables?.beneficiaryId === row.beneficiaryId}
                aria-label={t('common.actionFor', { action: t('screening.apply'), name: row.beneficiaryName })}
                onClick={() => apply.mutate(row)}
              >
                {t('screening.apply')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const yearOptions = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => thisYear - index).map(
    (option) => ({
      value: option === thisYear ? '' : String(option),
      label: option === thisYear ? t('screening.today') : t('screening.yearEnd', { year: option }),
    }),
  );

  return (
    <Page
      title={t(NAV.awardScreening.labelKey)}
      actions={
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={exportList.isPending}
          disabled={!screening.data || screening.data.rows.length === 0}
          onClick={() => exportList.mutate()}
        >
          {t('screening.export')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('screening.intro')}</Typography.Paragraph>
      <Form<Filters>
        form={form}
        name="screeningFilters"
        layout="inline"
        className="filters"
        initialValues={{ type, year: year ? String(year) : '', countyId }}
        onFinish={list.setFilters}
      >
        <Form.Item name="type" label={t('awards.type')}>
          <Select
            className="filter-select-wide"
            options={AWARD_TYPES.map((option) => ({ value: option, label: t(`benefit.types.${option}`) }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('screening.assessedOn')}>
          <Select className="filter-select" options={yearOptions} />
        </Form.Item>
        {cityOfficer && (
          <Form.Item name="countyId" label={t('awards.county')}>
            <Select allowClear placeholder={t('screening.allCounties')} className="filter-select" options={counties} />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('screening.run')}
          </Button>
        </Form.Item>
      </Form>
      {screening.error && <RequestError error={screening.error} />}
      <Flex vertical gap="middle">
        {screening.data && (
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'type', label: t('awards.type'), children: t(`benefit.types.${screening.data.type}`) },
              {
                key: 'assessmentDate',
                label: t('awardFacts.assessmentDate'),
                children: formatDate(screening.data.assessmentDate),
              },
              {
                key: 'salesYear',
                label: t('awardFacts.salesYear'),
                children: t('awardFacts.year', { year: screening.data.salesYear }),
              },
            ]}
          />
        )}
        <DataTable<AwardScreeningRowDto>
          rowKey="beneficiaryId"
          caption={t('screening.tableCaption', { type: t(`benefit.types.${type}`) })}
          columns={columns}
          dataSource={screening.data?.rows}
          loading={screening.isFetching}
          pagination={false}
          locale={{ emptyText: t('screening.none') }}
          expandable={{
            expandedRowRender: (row) => (
              <DecisionExplanation
                decision={row.decision}
                caption={t('screening.decisionCaption', { name: row.beneficiaryName })}
              />
            ),
          }}
        />
      </Flex>
    </Page>
  );
}
