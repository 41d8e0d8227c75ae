import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, WorkPlanStatus, type CurrentUserDto, type WorkPlanFilingDto } from '../../api';
import { PERMISSIONS } from '../../nav/navigation';

export const WORK_PLANS_KEY = ['workPlans'] as const;

/** The largest plan document the API takes; it also checks that the content is a PDF or a DOCX. */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;
export const PLAN_ACCEPT = [
  '.pdf',
  '.docx',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

export const WORK_PLAN_STATUSES = Object.values(WorkPlanStatus);

/** One round, under the lists' prefix so that a change refreshes it with them. */
export function roundKey(id: string) {
  return [...WORK_PLANS_KEY, 'round', id] as const;
}

export function useRound(id: string) {
  return useQuery({ queryKey: roundKey(id), queryFn: () => api.getWorkPlanRound(id) });
}

/** Refreshes the rounds (lists and details) after a change. */
export function useRefreshWorkPlans(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: WORK_PLANS_KEY });
}

export type FilingAction = 'upload' | 'submit' | 'file' | 'return';

/**
 * What the user may do with a filing now, as the API decides it: the county holds a plan that is not
 * submitted or filed (due, returned or overdue) — writers upload it, county deciders submit it once it
 * has a document; the city files or returns a submitted plan.
 */
export function filingActions(filing: WorkPlanFilingDto, user: CurrentUserDto): FilingAction[] {
  const has = (permission: string) => user.permissions.includes(permission);
  const withCounty = filing.status !== WorkPlanStatus.Submitted && filing.status !== WorkPlanStatus.Filed;
  const actions: FilingAction[] = [];
  if (withCounty && has(PERMISSIONS.programmeWrite)) actions.push('upload');
  if (withCounty && filing.document && has(PERMISSIONS.decisionsCounty)) actions.push('submit');
  if (filing.status === WorkPlanStatus.Submitted && has(PERMISSIONS.decisionsCity)) actions.push('file', 'return');
  return actions;
}

/** A plan document is a file download: a plain link lets the browser save it with the session cookie; each download is audited. */
export function documentUrl(filing: WorkPlanFilingDto): string {
  return `/api/work-plans/filings/${filing.id}/document`;
}
