using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Auditing;
using Sunshine.Domain.Common;
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
using Sunshine.Infrastructure.Identity;
using Sunshine.Infrastructure.Persistence.Configurations;

namespace Sunshine.Infrastructure.Persistence;

/// <summary>
/// The one DbContext: programme data, Identity accounts, OpenIddict stores and the audit trail.
/// County scoping lives here, as a query filter on every <see cref="ICountyScoped"/> entity.
/// </summary>
public sealed class ApplicationDbContext(
    DbContextOptions<ApplicationDbContext> options,
    ISensitiveDataProtector protector,
    ICurrentUser? user = null)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>>(options), IApplicationDbContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();

    public DbSet<Benefit> Benefits => Set<Benefit>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<TrainingSubsidyClaim> TrainingSubsidyClaims => Set<TrainingSubsidyClaim>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<PartnerClient> PartnerClients => Set<PartnerClient>();

    public DbSet<Shop> Shops => Set<Shop>();

    public DbSet<SalesRecord> SalesRecords => Set<SalesRecord>();

    public DbSet<SalesHistoryEntry> SalesHistory => Set<SalesHistoryEntry>();

    public DbSet<ShopMonthSales> ShopMonthSales => Set<ShopMonthSales>();

    public DbSet<CountyMonthSales> CountyMonthSales => Set<CountyMonthSales>();

    public DbSet<Domain.Shops.CountyShopDay> CountyShopDays => Set<Domain.Shops.CountyShopDay>();

    public DbSet<Domain.Shops.CountyShopMonth> CountyShopMonths => Set<Domain.Shops.CountyShopMonth>();

    public DbSet<OwnerYearSales> OwnerYearSales => Set<OwnerYearSales>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<SunshineBase> SunshineBases => Set<SunshineBase>();

    public DbSet<SupplyAgreement> SupplyAgreements => Set<SupplyAgreement>();

    public DbSet<EmploymentRecord> EmploymentRecords => Set<EmploymentRecord>();

    public DbSet<BenefitLink> BenefitLinks => Set<BenefitLink>();

    public DbSet<Loan> Loans => Set<Loan>();

    public DbSet<InterestSubsidyClaim> InterestSubsidyClaims => Set<InterestSubsidyClaim>();

    public DbSet<AwardApplication> AwardApplications => Set<AwardApplication>();

    public DbSet<FundAllocation> FundAllocations => Set<FundAllocation>();

    public DbSet<FundPayment> FundPayments => Set<FundPayment>();

    public DbSet<IncubationRecord> Incubations => Set<IncubationRecord>();

    public DbSet<MentoringContract> MentoringContracts => Set<MentoringContract>();

    public DbSet<MentoringSession> MentoringSessions => Set<MentoringSession>();

    public DbSet<SpecialtyOutlet> SpecialtyOutlets => Set<SpecialtyOutlet>();

    public DbSet<Exhibition> Exhibitions => Set<Exhibition>();

    public DbSet<Domain.OperationServices.OperationService> OperationServices => Set<Domain.OperationServices.OperationService>();

    public DbSet<Domain.Supervision.SupervisionVisit> SupervisionVisits => Set<Domain.Supervision.SupervisionVisit>();

    public DbSet<Domain.Stations.ServiceStation> ServiceStations => Set<Domain.Stations.ServiceStation>();

    public DbSet<Domain.Statistics.ProgrammeTarget> ProgrammeTargets => Set<Domain.Statistics.ProgrammeTarget>();

    public DbSet<Domain.Statistics.Bulletin> Bulletins => Set<Domain.Statistics.Bulletin>();

    public DbSet<Domain.Statistics.AnnualSummaryRound> AnnualSummaryRounds => Set<Domain.Statistics.AnnualSummaryRound>();

    public DbSet<Domain.Statistics.AnnualSummary> AnnualSummaries => Set<Domain.Statistics.AnnualSummary>();

    public DbSet<Domain.Reminders.Notification> Notifications => Set<Domain.Reminders.Notification>();

    public DbSet<WorkPlanRound> WorkPlanRounds => Set<WorkPlanRound>();

    public DbSet<WorkPlanFiling> WorkPlanFilings => Set<WorkPlanFiling>();

    public DbSet<TypicalCase> TypicalCases => Set<TypicalCase>();

    public DbSet<Partners.IdempotencyRecord> IdempotencyRecords => Set<Partners.IdempotencyRecord>();

    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    public async Task LockAsync<TEntity>(Guid id, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entityType = Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        var table = entityType.GetSchemaQualifiedTableName()!;
        var key = entityType.FindPrimaryKey()!.Properties[0].GetColumnName();
        // Table and column names come from the model, never from input; the id is a parameter.
#pragma warning disable EF1002
        await Database.ExecuteSqlRawAsync($"SELECT 1 FROM {table} WHERE {key} = @p0 FOR UPDATE", [new Npgsql.NpgsqlParameter("p0", id)], cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>The protector the model's value converters encrypt with (one model per protector).</summary>
    internal ISensitiveDataProtector Protector => protector;

    /// <summary>Read by the county query filter once per query.</summary>
    private bool ScopeIsCountyBound => user?.IsCountyBound == true;

    /// <summary>A county-bound caller without a county sees nothing (Guid.Empty matches no record).</summary>
    private Guid ScopeCountyId => user?.CountyId ?? Guid.Empty;

    /// <summary>A partner client sees only its own platform's records.</summary>
    private bool ScopeIsPartner => user?.PlatformId is not null;

    private Guid ScopePlatformId => user?.PlatformId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        IdentityTableNames.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(Assembly.GetExecutingAssembly());
        SensitiveMappings.Apply(builder, protector);
        ApplyCountyScoping(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private void ApplyCountyScoping(ModelBuilder builder)
    {
        var context = Expression.Constant(this);
        var unbound = Expression.Not(Expression.Property(context, nameof(ScopeIsCountyBound)));
        var scopeCounty = Expression.Property(context, nameof(ScopeCountyId));
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()))
        {
            var parameter = Expression.Parameter(entityType.ClrType, "record");
            Expression? filter = null;
            if (typeof(ICountyScoped).IsAssignableFrom(entityType.ClrType))
            {
                filter = Expression.OrElse(unbound, Expression.Equal(Expression.Property(parameter, nameof(ICountyScoped.CountyId)), scopeCounty));
            }
            else if (typeof(IJointlyCountyScoped).IsAssignableFrom(entityType.ClrType))
            {
                // Shared by two counties: the officers of either see it.
                var other = Expression.Property(parameter, nameof(IJointlyCountyScoped.OtherCountyId));
                filter = Expression.OrElse(
                    unbound,
                    Expression.OrElse(
                        Expression.Equal(Expression.Property(parameter, nameof(IJointlyCountyScoped.CountyId)), scopeCounty),
                        Expression.Equal(other, Expression.Convert(scopeCounty, typeof(Guid?)))));
            }
            else if (typeof(IOptionallyCountyScoped).IsAssignableFrom(entityType.ClrType))
            {
                // City records (no county) are visible to every officer.
                var county = Expression.Property(parameter, nameof(IOptionallyCountyScoped.CountyId));
                filter = Expression.OrElse(
                    unbound,
                    Expression.OrElse(
                        Expression.Equal(county, Expression.Constant(null, typeof(Guid?))),
                        Expression.Equal(county, Expression.Convert(scopeCounty, typeof(Guid?)))));
            }

            if (typeof(IPlatformScoped).IsAssignableFrom(entityType.ClrType))
            {
                var platform = Expression.OrElse(
                    Expression.Not(Expression.Property(context, nameof(ScopeIsPartner))),
                    Expression.Equal(Expression.Property(parameter, nameof(IPlatformScoped.PlatformId)), Expression.Property(context, nameof(ScopePlatformId))));
                filter = filter is null ? platform : Expression.AndAlso(filter, platform);
            }

            if (filter is not null)
            {
                entityType.SetQueryFilter(Expression.Lambda(filter, parameter));
            }
        }
    }
}

/// <summary>One model per sensitive-data protector: the model's converters hold it.</summary>
internal sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is ApplicationDbContext sunshine
            ? (context.GetType(), sunshine.Protector, designTime)
            : (context.GetType(), designTime);
}
