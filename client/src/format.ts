import dayjs, { type Dayjs } from 'dayjs';
import type { Language } from './i18n';

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '';
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '';
}

/** Picks the Chinese or English name of a record that has both. */
export function localName(record: { name: string; nameEn: string }, language: Language): string {
  return language === 'en' ? record.nameEn : record.name;
}

/** A calendar date as the API takes it (ISO `YYYY-MM-DD`, no time or zone). */
export function toDateOnly(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

/** An amount of yuan with its 2 decimal places. */
export function formatYuan(value: number | null | undefined, language: Language): string {
  return value == null ? '' : value.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
