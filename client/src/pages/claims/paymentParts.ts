import { BenefitLevel, type BenefitDto, type FundAllocationDto } from '../../api';

/** One row of the payment form: an allocation and how much of the payment it funds. */
export interface PaymentPartValues {
  allocationId?: string;
  amount?: number | null;
}

/**
 * The allocations a benefit may be paid from, as the API allows them: a county-level benefit from
 * allocations to the beneficiary's county (of any level: co-funding), a city-level one from the
 * city's own allocations. Those with nothing left are no use.
 */
export function payableAllocations(
  allocations: readonly FundAllocationDto[],
  benefit: BenefitDto,
): FundAllocationDto[] {
  return allocations.filter(
    (allocation) =>
      allocation.balance > 0 &&
      (benefit.level === BenefitLevel.County ? allocation.countyId === benefit.countyId : !allocation.countyId),
  );
}

/** Yuan as whole fen, so that sums of amounts with 2 decimals are exact. */
function fen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** The sum of the parts' amounts, exact to the fen. */
export function partsTotal(parts: readonly PaymentPartValues[]): number {
  return parts.reduce((total, part) => total + fen(part.amount ?? 0), 0) / 100;
}

/** What is wrong with the parts as a whole, by i18n key under `payment.parts`; nothing when they pay the amount. */
export type PartsProblem = 'required' | 'duplicate' | 'sum';

export function partsProblem(parts: readonly PaymentPartValues[], amount: number): PartsProblem | undefined {
  if (parts.length === 0) return 'required';
  const chosen = parts.flatMap((part) => (part.allocationId ? [part.allocationId] : []));
  if (new Set(chosen).size < chosen.length) return 'duplicate';
  return fen(partsTotal(parts)) === fen(amount) ? undefined : 'sum';
}
