import dayjs, { type Dayjs } from 'dayjs';
import { PeriodKind } from '../../api';
import { toDateOnly } from '../../format';

/** A statistics period as the pickers hold it: a month or quarter (part) of a year, a year, or a date range. */
export interface PeriodValue {
  kind: PeriodKind;
  year: number;
  /** The month (1–12) or quarter (1–4); absent for a year or a range. */
  part?: number;
  from?: string;
  to?: string;
}

/** The period as the statistics endpoints take it (`period`, `year`, `part`, `from`, `to`). */
export interface PeriodQuery {
  period: PeriodKind;
  year?: number;
  part?: number;
  from?: string;
  to?: string;
}

/** The form fields of a period picker. */
export interface PeriodFormValues {
  kind: PeriodKind;
  year: number;
  month?: number;
  quarter?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export const FIRST_YEAR = 2017;

/** The years offered, newest first: from the programme's first year to next year. */
export function yearChoices(today = dayjs()): number[] {
  const last = today.year() + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, index) => last - index);
}

/** The current year, as the default period. */
export function defaultPeriod(today = dayjs()): PeriodValue {
  return { kind: PeriodKind.Year, year: today.year() };
}

/** Whether the API can be asked: a range needs both ends, a month or quarter its part. */
export function isComplete(value: PeriodValue): boolean {
  switch (value.kind) {
    case PeriodKind.Custom:
      return !!value.from && !!value.to;
    case PeriodKind.Month:
      return !!value.part && value.part >= 1 && value.part <= 12;
    case PeriodKind.Quarter:
      return !!value.part && value.part >= 1 && value.part <= 4;
    default:
      return true;
  }
}

/** The query parameters of a period: only those its kind uses. */
export function periodQuery(value: PeriodValue): PeriodQuery {
  switch (value.kind) {
    case PeriodKind.Custom:
      return { period: value.kind, from: value.from, to: value.to };
    case PeriodKind.Month:
    case PeriodKind.Quarter:
      return { period: value.kind, year: value.year, part: value.part };
    default:
      return { period: PeriodKind.Year, year: value.year };
  }
}

function integer(value: string | null, min: number, max: number): number | undefined {
  const number = Number(value);
  return value && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

function date(value: string | null): string | undefined {
  return value && dayjs(value, 'YYYY-MM-DD', true).isValid() ? value : undefined;
}

/** The period kept in the address (`period`, `year`, `part`, `from`, `to`), or the default. */
export function periodFromParams(params: URLSearchParams, today = dayjs()): PeriodValue {
  const kind = Object.values(PeriodKind).find((candidate) => candidate === params.get('period')) ?? PeriodKind.Year;
  const year = integer(params.get('year'), 2000, 2100) ?? today.year();
  const part = integer(params.get('part'), 1, kind === PeriodKind.Quarter ? 4 : 12);
  return { kind, year, part, from: date(params.get('from')), to: date(params.get('to')) };
}

/** The address parameters of a period. */
export function periodToParams(value: PeriodValue): Record<string, string> {
  return Object.fromEntries(
    Object.entries(periodQuery(value)).flatMap(([key, part]) => (part === undefined ? [] : [[key, String(part)]])),
  );
}

export function toFormValues(value: PeriodValue): PeriodFormValues {
  return {
    kind: value.kind,
    year: value.year,
    month: value.kind === PeriodKind.Month ? value.part : undefined,
    quarter: value.kind === PeriodKind.Quarter ? value.part : undefined,
    range: value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null,
  };
}

/** The period the picker's fields give; switching to a month or quarter starts at the current one of the year. */
export function fromFormValues(values: PeriodFormValues, today = dayjs()): PeriodValue {
  const sameYear = values.year === today.year();
  switch (values.kind) {
    case PeriodKind.Month:
      return { kind: values.kind, year: values.year, part: values.month ?? (sameYear ? today.month() + 1 : 1) };
    case PeriodKind.Quarter:
      return {
        kind: values.kind,
        year: values.year,
        part: values.quarter ?? (sameYear ? Math.floor(today.month() / 3) + 1 : 1),
      };
    case PeriodKind.Custom:
      return {
        kind: values.kind,
        year: values.year,
        from: values.range?.[0] ? toDateOnly(values.range[0]) : undefined,
        to: values.range?.[1] ? toDateOnly(values.range[1]) : undefined,
      };
    default:
      return { kind: PeriodKind.Year, year: values.year };
  }
}
