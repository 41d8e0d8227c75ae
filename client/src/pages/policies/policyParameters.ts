import { PolicyKey, type PolicyVersionDto } from '../../api';
import type { Language } from '../../i18n';
import { formatYuan } from '../../format';
import { formatRate, fractionToPercent, percentToFraction } from '../loans/loanRate';

/**
 * How a parameter is entered and shown: yuan (2 decimals), a whole count, a share or a rate (a
 * fraction the form shows as a percentage), days or months.
 */
export type ParameterKind = 'yuan' | 'count' | 'share' | 'rate' | 'days' | 'months';

export interface ParameterDefinition {
  /** The field of the version's JSON content, and its label's key under `policies.parameters`. */
  name: string;
  kind: ParameterKind;
  /** Limits as the form takes the value (a percentage for shares and rates). */
  min: number;
  max: number;
  /** May be left empty (the interest subsidy's rate cap: none). */
  optional?: boolean;
}

const INTEREST_SUBSIDY: ParameterDefinition[] = [
  { name: 'subsidyShare', kind: 'share', min: 0.0001, max: 100 },
  { name: 'subsidisedRateCap', kind: 'rate', min: 0.0001, max: 99.9999, optional: true },
  { name: 'maximumTermMonths', kind: 'months', min: 1, max: 360 },
  { name: 'maximumPrincipal', kind: 'yuan', min: 0.01, max: 100_000_000 },
];

/** The keys whose content is a set of named parameters, each with its definition (the API checks the same limits). */
export const PARAMETER_POLICIES = {
  [PolicyKey.DemonstrationHouseholdAward]: [
    { name: 'salesThreshold', kind: 'yuan', min: 0.01, max: 100_000_000 },
    { name: 'grant', kind: 'yuan', min: 0, max: 10_000_000 },
  ],
  [PolicyKey.DemonstrationBaseAward]: [
    { name: 'linkedHouseholds', kind: 'count', min: 1, max: 100_000 },
    { name: 'salesThreshold', kind: 'yuan', min: 0.01, max: 100_000_000 },
    { name: 'grant', kind: 'yuan', min: 0, max: 10_000_000 },
  ],
  [PolicyKey.EnterpriseRecognitions]: [
    { name: 'minimumBases', kind: 'count', min: 1, max: 100_000 },
    { name: 'minimumDisabledEmployees', kind: 'count', min: 1, max: 100_000 },
    { name: 'povertyAlleviationBaseGrant', kind: 'yuan', min: 0, max: 10_000_000 },
    { name: 'employmentBaseGrant', kind: 'yuan', min: 0, max: 10_000_000 },
  ],
  [PolicyKey.PublicNotice]: [{ name: 'days', kind: 'days', min: 1, max: 60 }],
  [PolicyKey.StableLinkMonths]: [{ name: 'months', kind: 'months', min: 1, max: 12 }],
  [PolicyKey.MicrocreditInterestSubsidy]: INTEREST_SUBSIDY,
  [PolicyKey.EntrepreneurLoanInterestSubsidy]: INTEREST_SUBSIDY,
} as const satisfies Partial<Record<PolicyKey, readonly ParameterDefinition[]>>;

export type ParameterPolicyKey = keyof typeof PARAMETER_POLICIES;

/** The tabs of the policies page, in order: the training table, then the awards, then the rest. */
export const POLICY_KEYS = [
  PolicyKey.TrainingQualifications,
  PolicyKey.DemonstrationHouseholdAward,
  PolicyKey.DemonstrationBaseAward,
  PolicyKey.EnterpriseRecognitions,
  PolicyKey.PublicNotice,
  PolicyKey.StableLinkMonths,
  PolicyKey.MicrocreditInterestSubsidy,
  PolicyKey.EntrepreneurLoanInterestSubsidy,
] as const;

export function isParameterPolicy(key: PolicyKey): key is ParameterPolicyKey {
  return key in PARAMETER_POLICIES;
}

/** Shares and rates are stored as fractions and entered as percentages. */
function isPercent(kind: ParameterKind): boolean {
  return kind === 'share' || kind === 'rate';
}

/** The value of a parameter in a version's content (null when absent, as an optional cap may be). */
export function parameterValue(version: PolicyVersionDto, name: string): number | null {
  const value = (version.content as Record<string, unknown> | null)?.[name];
  return typeof value === 'number' ? value : null;
}

/** The form's values of a version's parameters (percentages for shares and rates). */
export function toFormValues(
  key: ParameterPolicyKey,
  version: PolicyVersionDto | undefined,
): Record<string, number | null | undefined> {
  return Object.fromEntries(
    PARAMETER_POLICIES[key].map(({ name, kind }) => {
      const value = version ? parameterValue(version, name) : undefined;
      return [name, value != null && isPercent(kind) ? fractionToPercent(value) : value];
    }),
  );
}

/** The version content the API takes from the form's values (fractions for shares and rates). */
export function toContent(
  key: ParameterPolicyKey,
  values: Record<string, number | null | undefined>,
): Record<string, number | null> {
  return Object.fromEntries(
    PARAMETER_POLICIES[key].map(({ name, kind }) => {
      const value = values[name];
      return [name, value == null ? null : isPercent(kind) ? percentToFraction(value) : value];
    }),
  );
}

/** A parameter's value as shown, with its unit; `none` when an optional one is absent. */
export function formatParameter(
  definition: ParameterDefinition,
  value: number | null,
  language: Language,
  units: {
    yuan: (amount: string) => string;
    days: (count: number) => string;
    months: (count: number) => string;
    none: string;
  },
): string {
  if (value == null) return units.none;
  switch (definition.kind) {
    case 'yuan':
      return units.yuan(formatYuan(value, language));
    case 'share':
    case 'rate':
      return formatRate(value, language);
    case 'days':
      return units.days(value);
    case 'months':
      return units.months(value);
    default:
      return value.toLocaleString(language);
  }
}
