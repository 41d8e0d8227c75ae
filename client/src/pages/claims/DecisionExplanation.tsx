import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Descriptions, Flex, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriterionResult, DecisionDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DefinedTerm } from '../../components/DefinedTerm';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';

/** Met or not, as an icon and a word: neither the symbol nor its colour is the only cue. */
function Met({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return met ? (
    <span className="criterion-met">
      <CheckCircleFilled aria-hidden /> {t('decision.met')}
    </span>
  ) : (
    <span className="criterion-unmet">
      <CloseCircleFilled aria-hidden /> {t('decision.notMet')}
    </span>
  );
}

/**
 * A decision explained criterion by criterion: what each requires, what the facts show, and whether
 * it is met; then the outcome and the amount. Criteria are named in the interface language by their
 * code, falling back to the server's description; each criterion also gives its definition (what it counts,
 * which policy parameter sets its threshold) on hover, on focus and to screen readers.
 */
export function DecisionExplanation({ decision, caption }: { decision: DecisionDto; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const describe = (criterion: CriterionResult) =>
    i18n.exists(`decision.criteria.${criterion.code}`)
      ? t(`decision.criteria.${criterion.code}`)
      : criterion.description;
  // What a criterion counts and where its threshold comes from, where the interface has it written down.
  const define = (criterion: CriterionResult) =>
    i18n.exists(`decision.definitions.${criterion.code}`) ? t(`decision.definitions.${criterion.code}`) : undefined;
  const columns: TableColumnsType<CriterionResult> = [
    {
      key: 'criterion',
      title: t('decision.criterion'),
      render: (_, criterion) => <DefinedTerm term={describe(criterion)} definition={define(criterion)} />,
    },
    { key: 'required', title: t('decision.required'), dataIndex: 'required' },
    { key: 'actual', title: t('decision.actual'), dataIndex: 'actual' },
    {
      key: 'met',
      title: t('decision.metColumn'),
      className: 'nowrap',
      render: (_, criterion) => <Met met={criterion.met} />,
    },
  ];
  return (
    <Flex vertical gap="middle">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'outcome',
            label: t('decision.outcome'),
            children: decision.eligible ? t('decision.eligible') : t('decision.ineligible'),
          },
          {
            key: 'amount',
            label: t('decision.amount'),
            children: t('decision.yuan', { amount: formatYuan(decision.amount, language) }),
          },
          { key: 'assessmentDate', label: t('decision.assessmentDate'), children: formatDate(decision.assessmentDate) },
        ]}
      />
      <DataTable<CriterionResult>
        rowKey="code"
        caption={caption}
        columns={columns}
        dataSource={decision.criteria}
        pagination={false}
      />
    </Flex>
  );
}
