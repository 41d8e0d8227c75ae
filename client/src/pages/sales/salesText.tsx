import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SalesRecordDto } from '../../api';

/** Sums amounts of yuan in whole fen, so that no binary fraction creeps into the total. */
export function sumYuan(amounts: readonly number[]): number {
  return amounts.reduce((fen, amount) => fen + Math.round(amount * 100), 0) / 100;
}

/** Counted in statistics, or awaiting a second officer's confirmation. */
export function SalesStatusBadge({ record }: { record: SalesRecordDto }) {
  const { t } = useTranslation();
  return record.isCounted ? (
    <Badge status="success" text={t('sales.counted')} />
  ) : (
    <Badge status="warning" text={t('sales.awaitingConfirmation')} />
  );
}
