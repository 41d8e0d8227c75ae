import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { PeriodKind } from '../../api';
import { fromFormValues, isComplete, periodFromParams, periodQuery, periodToParams } from './period';

const TODAY = dayjs('2026-08-15');

describe('statistics period', () => {
  it('sends only the parameters of its kind', () => {
    expect(periodQuery({ kind: PeriodKind.Quarter, year: 2026, part: 2, from: '2026-01-01' })).toEqual({
      period: 'Quarter',
      year: 2026,
      part: 2,
    });
    expect(periodQuery({ kind: PeriodKind.Year, year: 2025, part: 3 })).toEqual({ period: 'Year', year: 2025 });
    expect(periodQuery({ kind: PeriodKind.Custom, year: 2026, from: '2026-03-01', to: '2026-05-31' })).toEqual({
      period: 'Custom',
      from: '2026-03-01',
      to: '2026-05-31',
    });
  });

  it('starts a month or quarter at the current one of this year, at the first of another year', () => {
    expect(fromFormValues({ kind: PeriodKind.Month, year: 2026 }, TODAY)).toEqual({
      kind: 'Month',
      year: 2026,
      part: 8,
    });
    expect(fromFormValues({ kind: PeriodKind.Quarter, year: 2026 }, TODAY)).toMatchObject({ part: 3 });
    expect(fromFormValues({ kind: PeriodKind.Quarter, year: 2024 }, TODAY)).toMatchObject({ part: 1 });
    expect(fromFormValues({ kind: PeriodKind.Month, year: 2026, month: 2 }, TODAY)).toMatchObject({ part: 2 });
  });

  it('needs both dates of a custom range', () => {
    const range = fromFormValues({ kind: PeriodKind.Custom, year: 2026, range: [dayjs('2026-03-01'), null] }, TODAY);
    expect(range).toMatchObject({ from: '2026-03-01', to: undefined });
    expect(isComplete(range)).toBe(false);
    expect(isComplete({ ...range, to: '2026-04-30' })).toBe(true);
  });

  it('reads the period from the address, ignoring what is not one', () => {
    expect(periodFromParams(new URLSearchParams('period=Quarter&year=2025&part=4'), TODAY)).toMatchObject({
      kind: 'Quarter',
      year: 2025,
      part: 4,
    });
    expect(periodFromParams(new URLSearchParams('period=Week&year=abc&part=13'), TODAY)).toMatchObject({
      kind: 'Year',
      year: 2026,
      part: undefined,
    });
    expect(periodToParams({ kind: PeriodKind.Month, year: 2026, part: 5 })).toEqual({
      period: 'Month',
      year: '2026',
      part: '5',
    });
  });
});
