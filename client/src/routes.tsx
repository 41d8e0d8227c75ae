import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from './auth/RequirePermission';
import { SIGN_IN_PATH } from './auth/returnUrl';
import { RequireAuth, TWO_FACTOR_PATH } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { NAV, PAGE_ACCESS } from './nav/navigation';
import { TwoFactorPage } from './pages/account/TwoFactorPage';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { SupplyAgreementsPage } from './pages/agreements/SupplyAgreementsPage';
import { AuditLogPage } from './pages/audit/AuditLogPage';
import { AwardApplicationDetailPage } from './pages/awards/AwardApplicationDetailPage';
import { AwardApplicationsPage } from './pages/awards/AwardApplicationsPage';
import { AwardScreeningPage } from './pages/awards/AwardScreeningPage';
import { NewAwardApplicationPage } from './pages/awards/NewAwardApplicationPage';
import { BasesPage } from './pages/bases/BasesPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { EditClaimPage } from './pages/claims/EditClaimPage';
import { NewClaimPage } from './pages/claims/NewClaimPage';
import { TrainingClaimDetailPage } from './pages/claims/TrainingClaimDetailPage';
import { TrainingClaimsPage } from './pages/claims/TrainingClaimsPage';
import { EmploymentPage } from './pages/employment/EmploymentPage';
import { EnterpriseDetailPage } from './pages/enterprises/EnterpriseDetailPage';
import { FundsPage } from './pages/funds/FundsPage';
import { HomePage } from './pages/HomePage';
import { IncubationsPage } from './pages/incubation/IncubationsPage';
import { MentoringContractsPage } from './pages/incubation/MentoringContractsPage';
import { MentoringSessionsPage } from './pages/incubation/MentoringSessionsPage';
import { ExhibitionDetailPage } from './pages/channels/ExhibitionDetailPage';
import { ExhibitionsPage } from './pages/channels/ExhibitionsPage';
import { OutletDetailPage } from './pages/channels/OutletDetailPage';
import { OutletsPage } from './pages/channels/OutletsPage';
import { OperationServicesPage } from './pages/registers/OperationServicesPage';
import { ServiceStationsPage } from './pages/registers/ServiceStationsPage';
import { SupervisionVisitPage, SupervisionVisitsPage } from './pages/registers/SupervisionPages';
import { HouseholdDetailPage } from './pages/households/HouseholdDetailPage';
import { HouseholdsPage } from './pages/households/HouseholdsPage';
import { BenefitLinkDetailPage } from './pages/links/BenefitLinkDetailPage';
import { BenefitLinksPage } from './pages/links/BenefitLinksPage';
import { InterestClaimDetailPage } from './pages/loans/InterestClaimDetailPage';
import { InterestClaimsPage } from './pages/loans/InterestClaimsPage';
import { LoanDetailPage } from './pages/loans/LoanDetailPage';
import { LoansPage } from './pages/loans/LoansPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { Loading } from './components/Loading';
import { EnterprisesPage } from './pages/enterprises/EnterprisesPage';
import { PartnerClientsPage } from './pages/partners/PartnerClientsPage';
import { EditPersonPage } from './pages/persons/EditPersonPage';
import { NewPersonPage } from './pages/persons/NewPersonPage';
import { PersonDetailPage } from './pages/persons/PersonDetailPage';
import { PersonImportPage } from './pages/persons/PersonImportPage';
import { PersonsPage } from './pages/persons/PersonsPage';
import { PoliciesPage } from './pages/policies/PoliciesPage';
import { ProductsPage } from './pages/products/ProductsPage';
import { RegionsPage } from './pages/regions/RegionsPage';
import { PendingSalesPage } from './pages/sales/PendingSalesPage';
import { SalesImportPage } from './pages/sales/SalesImportPage';
import { ShopDetailPage } from './pages/shops/ShopDetailPage';
import { ShopsPage } from './pages/shops/ShopsPage';
import { SignInPage } from './pages/SignInPage';
import { BulletinDetailPage } from './pages/statistics/BulletinDetailPage';
import { BulletinsPage } from './pages/statistics/BulletinsPage';
import { StatisticsPage } from './pages/statistics/StatisticsPage';
import { TargetsPage } from './pages/statistics/TargetsPage';
import { CourseDetailPage } from './pages/training/CourseDetailPage';
import { CoursesPage } from './pages/training/CoursesPage';
import { TrainedPeoplePage } from './pages/training/TrainedPeoplePage';
import { TypicalCaseDetailPage } from './pages/typicalCases/TypicalCaseDetailPage';
import { TypicalCasesPage } from './pages/typicalCases/TypicalCasesPage';
import { AnnualSummaryPage } from './pages/annualSummaries/AnnualSummaryPage';
import { AnnualSummaryRoundPage } from './pages/annualSummaries/AnnualSummaryRoundPage';
import { AnnualSummaryRoundsPage } from './pages/annualSummaries/AnnualSummaryRoundsPage';
import { NOTIFICATIONS_PATH } from './pages/notifications/NotificationBell';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { WorkPlanRoundDetailPage } from './pages/workplans/WorkPlanRoundDetailPage';
import { WorkPlanRoundsPage } from './pages/workplans/WorkPlanRoundsPage';

// The officers' guide (its text in both languages) loads only when a help page is opened.
const HelpPage = lazy(async () => ({ default: (await import('./pages/help/HelpPage')).HelpPage }));

const helpPage = (
  <Suspense fallback={<Loading />}>
    <HelpPage />
  </Suspense>
);

export const routes: RouteObject[] = [
  { path: SIGN_IN_PATH, element: <SignInPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: NAV.statistics.path,
        element: (
          <RequirePermission item={NAV.statistics}>
            <StatisticsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.bulletins.path,
        element: (
          <RequirePermission item={NAV.bulletins}>
            <BulletinsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/statistics/bulletins/:id',
        element: (
          <RequirePermission item={NAV.bulletins}>
            <BulletinDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.targets.path,
        element: (
          <RequirePermission item={NAV.targets}>
            <TargetsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.persons.path,
        element: (
          <RequirePermission item={NAV.persons}>
            <PersonsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/persons/new',
        element: (
          <RequirePermission item={PAGE_ACCESS.programmeWrite}>
            <NewPersonPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.personImport.path,
        element: (
          <RequirePermission item={NAV.personImport}>
            <PersonImportPage />
          </RequirePermission>
        ),
      },
      {
        path: '/persons/:id',
        element: (
          <RequirePermission item={NAV.persons}>
            <PersonDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: '/persons/:id/edit',
        element: (
          <RequirePermission item={PAGE_ACCESS.programmeWrite}>
            <EditPersonPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.households.path,
        element: (
          <RequirePermission item={NAV.households}>
            <HouseholdsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/households/:id',
        element: (
          <RequirePermission item={NAV.households}>
            <HouseholdDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.courses.path,
        element: (
          <RequirePermission item={NAV.courses}>
            <CoursesPage />
          </RequirePermission>
        ),
      },
      {
        path: '/courses/:id',
        element: (
          <RequirePermission item={NAV.courses}>
            <CourseDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.trainedPeople.path,
        element: (
          <RequirePermission item={NAV.trainedPeople}>
            <TrainedPeoplePage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.trainingClaims.path,
        element: (
          <RequirePermission item={NAV.trainingClaims}>
            <TrainingClaimsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/training-claims/new',
        element: (
          <RequirePermission item={PAGE_ACCESS.programmeWrite}>
            <NewClaimPage />
          </RequirePermission>
        ),
      },
      {
        path: '/training-claims/:id',
        element: (
          <RequirePermission item={NAV.trainingClaims}>
            <TrainingClaimDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: '/training-claims/:id/edit',
        element: (
          <RequirePermission item={PAGE_ACCESS.programmeWrite}>
            <EditClaimPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.policies.path,
        element: (
          <RequirePermission item={NAV.policies}>
            <PoliciesPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.shops.path,
        element: (
          <RequirePermission item={NAV.shops}>
            <ShopsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/shops/:id',
        element: (
          <RequirePermission item={NAV.shops}>
            <ShopDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.pendingSales.path,
        element: (
          <RequirePermission item={NAV.pendingSales}>
            <PendingSalesPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.salesImport.path,
        element: (
          <RequirePermission item={NAV.salesImport}>
            <SalesImportPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.enterprises.path,
        element: (
          <RequirePermission item={NAV.enterprises}>
            <EnterprisesPage />
          </RequirePermission>
        ),
      },
      {
        path: '/enterprises/:id',
        element: (
          <RequirePermission item={NAV.enterprises}>
            <EnterpriseDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.products.path,
        element: (
          <RequirePermission item={NAV.products}>
            <ProductsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.partnerClients.path,
        element: (
          <RequirePermission item={NAV.partnerClients}>
            <PartnerClientsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.bases.path,
        element: (
          <RequirePermission item={NAV.bases}>
            <BasesPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.supplyAgreements.path,
        element: (
          <RequirePermission item={NAV.supplyAgreements}>
            <SupplyAgreementsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.employment.path,
        element: (
          <RequirePermission item={NAV.employment}>
            <EmploymentPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.benefitLinks.path,
        element: (
          <RequirePermission item={NAV.benefitLinks}>
            <BenefitLinksPage />
          </RequirePermission>
        ),
      },
      {
        path: '/benefit-links/:id',
        element: (
          <RequirePermission item={NAV.benefitLinks}>
            <BenefitLinkDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.loans.path,
        element: (
          <RequirePermission item={NAV.loans}>
            <LoansPage />
          </RequirePermission>
        ),
      },
      {
        path: '/loans/:id',
        element: (
          <RequirePermission item={NAV.loans}>
            <LoanDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.interestClaims.path,
        element: (
          <RequirePermission item={NAV.interestClaims}>
            <InterestClaimsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/interest-claims/:id',
        element: (
          <RequirePermission item={NAV.interestClaims}>
            <InterestClaimDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.incubations.path,
        element: (
          <RequirePermission item={NAV.incubations}>
            <IncubationsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.mentoringContracts.path,
        element: (
          <RequirePermission item={NAV.mentoringContracts}>
            <MentoringContractsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.mentoringSessions.path,
        element: (
          <RequirePermission item={NAV.mentoringSessions}>
            <MentoringSessionsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.operationServices.path,
        element: (
          <RequirePermission item={NAV.operationServices}>
            <OperationServicesPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.serviceStations.path,
        element: (
          <RequirePermission item={NAV.serviceStations}>
            <ServiceStationsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.supervision.path,
        element: (
          <RequirePermission item={NAV.supervision}>
            <SupervisionVisitsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/supervision/:id',
        element: (
          <RequirePermission item={NAV.supervision}>
            <SupervisionVisitPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.outlets.path,
        element: (
          <RequirePermission item={NAV.outlets}>
            <OutletsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/outlets/:id',
        element: (
          <RequirePermission item={NAV.outlets}>
            <OutletDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.exhibitions.path,
        element: (
          <RequirePermission item={NAV.exhibitions}>
            <ExhibitionsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/exhibitions/:id',
        element: (
          <RequirePermission item={NAV.exhibitions}>
            <ExhibitionDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.awardApplications.path,
        element: (
          <RequirePermission item={NAV.awardApplications}>
            <AwardApplicationsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/awards/new',
        element: (
          <RequirePermission item={PAGE_ACCESS.programmeWrite}>
            <NewAwardApplicationPage />
          </RequirePermission>
        ),
      },
      {
        path: '/awards/applications/:id',
        element: (
          <RequirePermission item={NAV.awardApplications}>
            <AwardApplicationDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.awardScreening.path,
        element: (
          <RequirePermission item={NAV.awardScreening}>
            <AwardScreeningPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.funds.path,
        element: (
          <RequirePermission item={NAV.funds}>
            <FundsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.workPlans.path,
        element: (
          <RequirePermission item={NAV.workPlans}>
            <WorkPlanRoundsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/work-plans/:id',
        element: (
          <RequirePermission item={NAV.workPlans}>
            <WorkPlanRoundDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.annualSummaries.path,
        element: (
          <RequirePermission item={NAV.annualSummaries}>
            <AnnualSummaryRoundsPage />
          </RequirePermission>
        ),
      },
      {
        path: '/annual-summaries/:roundId',
        element: (
          <RequirePermission item={NAV.annualSummaries}>
            <AnnualSummaryRoundPage />
          </RequirePermission>
        ),
      },
      {
        // Reminders link to this path: keep it.
        path: '/annual-summaries/:roundId/counties/:countyId',
        element: (
          <RequirePermission item={NAV.annualSummaries}>
            <AnnualSummaryPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.typicalCases.path,
        element: (
          <RequirePermission item={NAV.typicalCases}>
            <TypicalCasesPage />
          </RequirePermission>
        ),
      },
      {
        path: '/typical-cases/:id',
        element: (
          <RequirePermission item={NAV.typicalCases}>
            <TypicalCaseDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.accounts.path,
        element: (
          <RequirePermission item={NAV.accounts}>
            <AccountsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.regions.path,
        element: (
          <RequirePermission item={NAV.regions}>
            <RegionsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.audit.path,
        element: (
          <RequirePermission item={NAV.audit}>
            <AuditLogPage />
          </RequirePermission>
        ),
      },
      { path: NAV.changePassword.path, element: <ChangePasswordPage /> },
      { path: TWO_FACTOR_PATH, element: <TwoFactorPage /> },
      // Every signed-in user may open it (only county officers receive reminders).
      { path: NOTIFICATIONS_PATH, element: <NotificationsPage /> },
      // The officers' guide: every signed-in user may read it.
      { path: '/help', element: helpPage },
      { path: '/help/:section', element: helpPage },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
