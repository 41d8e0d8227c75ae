import type { TFunction } from 'i18next';
import { CourseLevel, type CourseDto } from '../../api';
import { formatDate } from '../../format';

/** Who organises the course: its county, or the city. */
export function organiserName(course: CourseDto, t: TFunction): string {
  return course.level === CourseLevel.County ? (course.countyName ?? '') : t('course.cityOrganiser');
}

/** The course's first and last day. */
export function courseDates(course: CourseDto, t: TFunction): string {
  return t('course.dateRange', { start: formatDate(course.startDate), end: formatDate(course.endDate) });
}
