import i18n from '../i18n';
import { SunshineClient } from './sunshine-client';

export {
  AgreementStatus,
  AnnualSummaryStanding,
  AttachmentKind,
  AudienceTrack,
  AuditChainBreak,
  BaseStatus,
  BeneficiaryKind,
  BenefitLevel,
  BenefitState,
  BenefitType,
  ChannelLevel,
  ConsentScope,
  CourseLevel,
  CourseTopic,
  DayCountBasis,
  DisabilityCategory,
  DisabilityLevel,
  EnrolmentKind,
  EnrolmentStatus,
  EnterpriseRoles,
  EventMode,
  ExportFormat,
  FeeModel,
  FundLevel,
  HouseholdRegistration,
  HouseholdRelation,
  HoursType,
  ImportFormat,
  ImportKind,
  ImportStatus,
  IncubateeType,
  IncubationServices,
  IndicatorTotal,
  IndicatorUnit,
  JobCategory,
  LinkType,
  LoanProgramme,
  OperationServiceType,
  OutletLocation,
  PeriodKind,
  PersonStatus,
  PersonTags,
  PolicyKey,
  ProductAvailability,
  ProductCategory,
  ProviderType,
  RecordSource,
  RegionKind,
  ReminderStage,
  ReportingGranularity,
  ServiceProviderKind,
  ServiceStationKind,
  ServiceStationStatus,
  Sex,
  ShopStatus,
  SupervisionLevel,
  SupervisionSubject,
  TypicalCaseSubject,
  WorkPlanStatus,
} from './sunshine-client';

export { toProblem, type Problem } from './problem';
export type * from './sunshine-client';

/** The header that marks a background poll: the server does not count it as activity (idle sign-out). */
export const BACKGROUND_HEADER = 'Sunshine-Background';

function clientFor(background: boolean) {
  return new SunshineClient('', {
    fetch: (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Accept-Language', i18n.language);
      if (background) headers.set(BACKGROUND_HEADER, '1');
      return fetch(url, { ...init, headers, credentials: 'same-origin' });
    },
  });
}

/**
 * The one client for the API: same origin, session cookie sent with every request, and the
 * interface language so the server writes its messages in it.
 */
export const api = clientFor(false);

/**
 * The same client for polls the person did not ask for (notification count, import progress, the
 * session check): they do not keep an idle session alive.
 */
export const backgroundApi = clientFor(true);
