import { describe, expect, it } from 'vitest';
import { formatRate, fractionToPercent, percentToFraction } from './loanRate';

describe('loan rates', () => {
  it('sends a percentage as the fraction the API takes, without binary noise', () => {
    expect(percentToFraction(4.35)).toBe(0.0435);
    expect(5.6 / 100).not.toBe(0.056);
    expect(percentToFraction(5.6)).toBe(0.056);
    expect(percentToFraction(4.65)).toBe(0.0465);
    expect(percentToFraction(3.85)).toBe(0.0385);
    expect(percentToFraction(4.1234)).toBe(0.041234);
    expect(percentToFraction(12)).toBe(0.12);
  });

  it('shows the fraction as a percentage again', () => {
    expect(fractionToPercent(0.0435)).toBe(4.35);
    expect(fractionToPercent(0.041234)).toBe(4.1234);
    expect(formatRate(0.0435, 'zh-CN')).toBe('4.35%');
    expect(formatRate(0.12, 'en')).toBe('12%');
  });
});
