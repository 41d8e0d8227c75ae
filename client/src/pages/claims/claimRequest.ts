import type { Dayjs } from 'dayjs';
import type { TrainingClaimRequest } from '../../api';
import { toDateOnly } from '../../format';

export interface ClaimValues {
  personId: string;
  providerName: string;
  courseName: string;
  trainingStart: Dayjs;
  trainingEnd: Dayjs;
  feePaid: number;
  feeCharging: boolean;
  receiptNumber: string;
  certificateDate: Dayjs;
  qualificationCode: string;
  certificateNumber: string;
  issuingAuthority: string;
}

/** A claim's facts from the form: text trimmed, dates as calendar dates. */
export function toClaimRequest(values: ClaimValues): TrainingClaimRequest {
  return {
    providerName: values.providerName.trim(),
    courseName: values.courseName.trim(),
    trainingStart: toDateOnly(values.trainingStart),
    trainingEnd: toDateOnly(values.trainingEnd),
    feePaid: values.feePaid,
    feeCharging: values.feeCharging,
    receiptNumber: values.receiptNumber.trim(),
    qualificationCode: values.qualificationCode,
    certificateNumber: values.certificateNumber.trim(),
    certificateDate: toDateOnly(values.certificateDate),
    issuingAuthority: values.issuingAuthority.trim(),
  };
}
