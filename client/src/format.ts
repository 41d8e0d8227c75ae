import dayjs from 'dayjs';
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
