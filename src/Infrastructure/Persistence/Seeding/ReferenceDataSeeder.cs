using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.AccessControl;
using Sunshine.Application.Policies;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Programmes;
using Sunshine.Domain.Regions;
using Sunshine.Domain.WorkPlans;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Infrastructure.Persistence.Seeding;

/// <summary>Adds the reference data that is missing (regions, the first programme, its first work-plan round, roles). Never overwrites edits.</summary>
public sealed class ReferenceDataSeeder(ApplicationDbContext db, RoleManager<ApplicationRole> roles, IAuditTrail audit, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        audit.Action = "SeedReferenceData";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var cityCode = RegionCode.Create(ReferenceData.City.Code);
        var city = await db.Regions.FirstOrDefaultAsync(r => r.Code == cityCode, cancellationToken);
        if (city is null)
        {
            city = Region.CreateCity(cityCode, ReferenceData.City.Name, ReferenceData.City.NameEn);
            db.Regions.Add(city);
        }

        var existing = (await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken)).Select(c => c.Value).ToHashSet();
        var order = 0;
        foreach (var (code, name, nameEn, kind) in ReferenceData.CountyLevelUnits)
        {
            order += 10;
            if (!existing.Contains(code))
            {
                db.Regions.Add(Region.CreateCountyLevel(RegionCode.Create(code), name, nameEn, kind, city, order));
            }
        }

        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Code == ReferenceData.ProgrammeCode, cancellationToken);
        if (programme is null)
        {
            programme = Programme.Create(
                ReferenceData.ProgrammeCode,
                ReferenceData.ProgrammeName,
                ReferenceData.ProgrammeNameEn,
                ReferenceData.ProgrammeStart,
                ReferenceData.ProgrammeEnd,
                ReferenceData.ProgrammeDocument);
            db.Programmes.Add(programme);
        }

        if (!await db.PolicyVersions.AnyAsync(v => v.ProgrammeId == programme.Id && v.Key == PolicyKey.TrainingQualifications, cancellationToken))
        {
            db.PolicyVersions.Add(PolicyVersion.Create(
                programme.Id,
                PolicyKey.TrainingQualifications,
                ReferenceData.ProgrammeStart,
                PolicyStore.Write(ReferenceData.SampleQualifications),
                ReferenceData.SampleQualificationsNote));
        }

        foreach (var (key, content, note) in ReferenceData.AwardPolicies)
        {
            if (!await db.PolicyVersions.AnyAsync(v => v.ProgrammeId == programme.Id && v.Key == key, cancellationToken))
            {
                db.PolicyVersions.Add(PolicyVersion.Create(programme.Id, key, ReferenceData.ProgrammeStart, content, note));
            }
        }

        // The action plan's targets (§二): by 2020, 70 people trained, 10 prosperity leaders, 100 households brought into the chain.
        if (!await db.ProgrammeTargets.AnyAsync(t => t.ProgrammeId == programme.Id && t.CountyId == null, cancellationToken))
        {
            db.ProgrammeTargets.Add(Domain.Statistics.ProgrammeTarget.Create(programme, null, 70, 10, 100, ReferenceData.ProgrammeEnd));
        }

        await db.SaveChangesAsync(cancellationToken);

        // Once per programme: after that the rounds are the city's data, edited or added through the API.
        if (!await db.WorkPlanRounds.AnyAsync(r => r.ProgrammeId == programme.Id, cancellationToken))
        {
            var (title, deadline) = ReferenceData.FirstWorkPlanRound;
            var round = WorkPlanRound.Create(programme.Id, programme.PeriodStart, title, deadline, clock.GetUtcNow());
            db.WorkPlanRounds.Add(round);
            var counties = await db.Regions.Where(r => r.ParentId != null && r.IsActive).Select(r => r.Id).ToListAsync(cancellationToken);
            db.WorkPlanFilings.AddRange(counties.Select(round.RequireCounty));
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var role in Roles.ForAccounts)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new ApplicationRole(role));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
