using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sunshine.Domain.Auditing;
using Sunshine.Domain.Programmes;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Attachments;
using Sunshine.Domain.Awards;
using Sunshine.Domain.Funds;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Catalogue;
using Sunshine.Domain.Channels;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Importing;
using Sunshine.Domain.Incubation;
using Sunshine.Domain.Loans;
using Sunshine.Domain.Sales;
using Sunshine.Domain.Shops;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Training;
using Sunshine.Domain.TypicalCases;
using Sunshine.Domain.WorkPlans;

namespace Sunshine.Application.Common.Interfaces;

/// <summary>The database as use cases see it: one set per aggregate, no repositories (ADR 0003).</summary>
public interface IApplicationDbContext
{
    DbSet<Region> Regions { get; }

    DbSet<Programme> Programmes { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Person> Persons { get; }

    DbSet<Household> Households { get; }

    DbSet<ImportJob> ImportJobs { get; }

    DbSet<PolicyVersion> PolicyVersions { get; }

    DbSet<Benefit> Benefits { get; }

    DbSet<Course> Courses { get; }

    DbSet<Enrolment> Enrolments { get; }

    DbSet<TrainingSubsidyClaim> TrainingSubsidyClaims { get; }

    DbSet<Attachment> Attachments { get; }

    DbSet<Enterprise> Enterprises { get; }

    DbSet<PartnerClient> PartnerClients { get; }

    DbSet<Shop> Shops { get; }

    DbSet<SalesRecord> SalesRecords { get; }

    DbSet<SalesHistoryEntry> SalesHistory { get; }

    DbSet<ShopMonthSales> ShopMonthSales { get; }

    DbSet<CountyMonthSales> CountyMonthSales { get; }

    DbSet<Domain.Shops.CountyShopDay> CountyShopDays { get; }

    DbSet<Domain.Shops.CountyShopMonth> CountyShopMonths { get; }

    DbSet<OwnerYearSales> OwnerYearSales { get; }

    DbSet<Product> Products { get; }

    DbSet<SunshineBase> SunshineBases { get; }

    DbSet<SupplyAgreement> SupplyAgreements { get; }

    DbSet<EmploymentRecord> EmploymentRecords { get; }

    DbSet<BenefitLink> BenefitLinks { get; }

    DbSet<Loan> Loans { get; }

    DbSet<InterestSubsidyClaim> InterestSubsidyClaims { get; }

    DbSet<AwardApplication> AwardApplications { get; }

    DbSet<FundAllocation> FundAllocations { get; }

    DbSet<FundPayment> FundPayments { get; }

    DbSet<IncubationRecord> Incubations { get; }

    DbSet<MentoringContract> MentoringContracts { get; }

    DbSet<MentoringSession> MentoringSessions { get; }

    DbSet<SpecialtyOutlet> SpecialtyOutlets { get; }

    DbSet<Exhibition> Exhibitions { get; }

    DbSet<Domain.Statistics.ProgrammeTarget> ProgrammeTargets { get; }

    DbSet<Domain.Statistics.Bulletin> Bulletins { get; }

    DbSet<Domain.Statistics.AnnualSummaryRound> AnnualSummaryRounds { get; }

    DbSet<Domain.Statistics.AnnualSummary> AnnualSummaries { get; }

    DbSet<Domain.Reminders.Notification> Notifications { get; }

    DbSet<WorkPlanRound> WorkPlanRounds { get; }

    DbSet<WorkPlanFiling> WorkPlanFilings { get; }

    DbSet<TypicalCase> TypicalCases { get; }

    DbSet<Domain.OperationServices.OperationService> OperationServices { get; }

    DbSet<Domain.Supervision.SupervisionVisit> SupervisionVisits { get; }

    DbSet<Domain.Stations.ServiceStation> ServiceStations { get; }

    /// <summary>
    /// Locks the entity's row until the transaction ends (SELECT … FOR UPDATE), so that checks on it
    /// (a course's capacity) hold against concurrent commands.
    /// </summary>
    Task LockAsync<TEntity>(Guid id, CancellationToken cancellationToken)
        where TEntity : class;

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
