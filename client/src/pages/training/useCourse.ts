import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, CourseLevel, type CourseDto, type CurrentUserDto } from '../../api';
import { PERMISSIONS } from '../../nav/navigation';

export const COURSES_KEY = ['courses'] as const;
export const TRAINED_PEOPLE_KEY = ['trainedPeople'] as const;

/** The course and, under the same prefix, its enrolments: refreshing one refreshes both. */
export function courseKey(id: string) {
  return ['course', id] as const;
}

export function useCourse(id: string) {
  return useQuery({ queryKey: courseKey(id), queryFn: () => api.getCourse(id) });
}

export function useEnrolments(courseId: string) {
  return useQuery({ queryKey: [...courseKey(courseId), 'enrolments'], queryFn: () => api.getEnrolments(courseId) });
}

/**
 * Refreshes what an enrolment change touches: the course (places taken), its enrolments, the
 * course list and the trained-people count.
 */
export function useEnrolmentChanged(courseId: string): () => void {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [courseKey(courseId), COURSES_KEY, TRAINED_PEOPLE_KEY]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
}

/** Keeps a course the API returned after a change, and refreshes the list that shows it. */
export function useSavedCourse(): (course: CourseDto) => void {
  const queryClient = useQueryClient();
  return (course) => {
    queryClient.setQueryData(courseKey(course.id), course);
    void queryClient.invalidateQueries({ queryKey: COURSES_KEY });
  };
}

/** The level of course a user organises: county officers their county's courses, city officers the city's. */
export function organisedLevel(user: CurrentUserDto): CourseLevel {
  return user.countyId ? CourseLevel.County : CourseLevel.City;
}

/** Whether the user may edit the course: a writer who organises courses of its level and county. */
export function organises(user: CurrentUserDto, course: CourseDto): boolean {
  return (
    user.permissions.includes(PERMISSIONS.programmeWrite) &&
    course.level === organisedLevel(user) &&
    (course.level === CourseLevel.City || course.countyId === user.countyId)
  );
}
