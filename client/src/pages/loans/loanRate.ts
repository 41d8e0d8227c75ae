import type { Language } from '../../i18n';

/** The API takes at most 6 decimals of a fraction: 4 of a percentage. */
export const PERCENT_DECIMALS = 4;

/**
 * An annual rate as officers write it (a percentage, 4.35) as the API takes it (a fraction, 0.0435).
 * Rounded to the API's 6 decimals, so that binary floating point (5.6 / 100 = 0.055999999999999994)
 * never sends a rate the API refuses for its precision.
 */
export function percentToFraction(percent: number): number {
  return Number((percent / 100).toFixed(PERCENT_DECIMALS + 2));
}

/** The API's fraction (0.0435) as a percentage (4.35). */
export function fractionToPercent(fraction: number): number {
  return Number((fraction * 100).toFixed(PERCENT_DECIMALS));
}

/** A fraction shown as a percentage with its decimals: 0.0435 is "4.35%". */
export function formatRate(fraction: number, language: Language): string {
  return `${fractionToPercent(fraction).toLocaleString(language, { maximumFractionDigits: PERCENT_DECIMALS })}%`;
}
