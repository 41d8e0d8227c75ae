import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  AnnualSummaryStanding,
  PeriodKind,
  type AnnualSummaryCompilationDto,
  type AnnualSummaryDto,
  type CurrentUserDto,
  type IndicatorTableDto,
} from '../../api';
import { PERMISSIONS } from '../../nav/navigation';

export const ANNUAL_SUMMARIES_KEY = ['annualSummaries'] as const;

/** The longest a section may be (AnnualSummary.MaxSectionLength in the domain). */
export const MAX_SECTION_LENGTH = 20_000;

/** The longest reason for returning a summary (as the domain checks it). */
export const MAX_REASON_LENGTH = 2_000;

/** The four narrative sections, in the order the summary is written. */
export const SECTIONS = ['achievements', 'typicalCases', 'problems', 'nextYearPlan'] as const;
export type Section = (typeof SECTIONS)[number];

/** The sections a summary must have before it is submitted (the API's annual_summary.sections_required). */
export const REQUIRED_SECTIONS: readonly Section[] = ['achievements', 'nextYearPlan'];

export type SectionValues = Record<Section, string>;

export const STANDINGS = Object.values(AnnualSummaryStanding);

export function roundsKey() {
  return [...ANNUAL_SUMMARIES_KEY, 'rounds'] as const;
}

/** One county's summary, under the prefix so that a change refreshes it with the lists. */
export function summaryKey(roundId: string, countyId: string) {
  return [...ANNUAL_SUMMARIES_KEY, 'summary', roundId, countyId] as const;
}

export function useRounds() {
  return useQuery({ queryKey: roundsKey(), queryFn: () => api.getAnnualSummaryRounds() });
}

export function useSummary(roundId: string, countyId: string) {
  return useQuery({
    queryKey: summaryKey(roundId, countyId),
    queryFn: () => api.getAnnualSummary(roundId, countyId),
  });
}

export function useCompilation(roundId: string) {
  return useQuery({
    queryKey: [...ANNUAL_SUMMARIES_KEY, 'compilation', roundId],
    queryFn: () => api.getAnnualSummaryCompilation(roundId),
  });
}

/** Refreshes the rounds, summaries and compilations after a change. */
export function useRefreshAnnualSummaries(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ANNUAL_SUMMARIES_KEY });
}

/** The page of a county's summary (reminders link to the same path). */
export function summaryPath(roundId: string, countyId: string): string {
  return `/annual-summaries/${roundId}/counties/${countyId}`;
}

/** The 5 November default due date of a year's round, as the API sets it when none is given. */
export function defaultDueDate(year: number): string {
  return `${year}-11-05`;
}

/** Whether the summary is with its county (not submitted): it may be written and submitted. */
export function isWithCounty(summary: AnnualSummaryDto): boolean {
  return summary.standing !== AnnualSummaryStanding.Submitted;
}

export type SummaryAction = 'write' | 'return';

/**
 * What the user may do with a summary now: the county's writers write and submit it while it is with
 * the county; a city decider returns a submitted one.
 */
export function summaryActions(summary: AnnualSummaryDto, user: CurrentUserDto): SummaryAction[] {
  const has = (permission: string) => user.permissions.includes(permission);
  const actions: SummaryAction[] = [];
  if (isWithCounty(summary) && has(PERMISSIONS.programmeWrite) && user.countyId === summary.countyId) {
    actions.push('write');
  }
  if (summary.standing === AnnualSummaryStanding.Submitted && has(PERMISSIONS.decisionsCity)) actions.push('return');
  return actions;
}

/** The compilation as an indicator table: a column per county, the total over the submitted ones. */
export function compilationTable(compilation: AnnualSummaryCompilationDto): IndicatorTableDto {
  return {
    period: { kind: PeriodKind.Custom, from: `${compilation.year}-01-01`, to: compilation.dataCutOff },
    cityWide: false,
    counties: compilation.counties.map((county) => ({ id: county.countyId, code: '', name: county.countyName })),
    rows: compilation.rows,
  };
}
