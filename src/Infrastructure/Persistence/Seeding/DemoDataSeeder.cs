using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Training;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo data set: accounts for trying the system, one per role (two county officers), and
/// made-up people and households. Only in Development, and only into a database with no accounts yet.
/// </summary>
public sealed class DemoDataSeeder(ApplicationDbContext db, UserManager<ApplicationUser> users, IAuditTrail audit, TimeProvider clock)
{
    public const string DemoPassword = "Sunshine@2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? CountyCode)> Accounts =
    [
        ("admin", "系统管理员", Roles.SystemAdmin, null),
        ("security", "安全管理员", Roles.SecurityAdmin, null),
        ("city", "市残联 张敏", Roles.CityOfficer, null),
        ("wuling", "武陵区残联 李华", Roles.CountyOfficer, "430702"),
        ("dingcheng", "鼎城区残联 王芳", Roles.CountyOfficer, "430703"),
        ("auditor", "审计员 陈静", Roles.Auditor, null),
    ];

    /// <summary>Seeds the demo set if the database has no accounts; returns whether it did.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        audit.Action = "SeedDemoData";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (userName, displayName, role, countyCode) in Accounts)
        {
            Guid? countyId = null;
            if (countyCode is not null)
            {
                var code = RegionCode.Create(countyCode);
                countyId = await db.Regions.Where(r => r.Code == code).Select(r => (Guid?)r.Id).SingleAsync(cancellationToken);
            }

            var user = new ApplicationUser
            {
                UserName = userName,
                DisplayName = displayName,
                CountyId = countyId,
                CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            EnsureSucceeded(await users.CreateAsync(user, DemoPassword));
            EnsureSucceeded(await users.AddToRoleAsync(user, role));
        }

        await SeedRegistryAsync(cancellationToken);
        await SeedTrainingAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A county course in each of two counties and a city course, with enrolments and completions.</summary>
    private async Task SeedTrainingAsync(CancellationToken cancellationToken)
    {
        var counties = await db.Regions.Where(r => r.Code == RegionCode.Create("430702") || r.Code == RegionCode.Create("430703"))
            .ToListAsync(cancellationToken);
        var courses = counties
            .Select(c => Course.Create(CourseLevel.County, c.Id, new CourseDetails(
                $"{c.Name}残疾人网店开设与装修基础班", [CourseTopic.OpeningShop, CourseTopic.ShopDecoration, CourseTopic.CustomerService],
                AudienceTrack.WouldBeEntrepreneurs, ProviderType.VocationalCollege, "常德职业技术学院", null,
                new DateOnly(2018, 4, 9), new DateOnly(2018, 4, 20), 30, FeeModel.Free)))
            .Append(Course.Create(CourseLevel.City, null, new CourseDetails(
                "市级网店运营进阶班", [CourseTopic.OperationsAndPromotion, CourseTopic.MarketingAndSales, CourseTopic.ProductPromotion],
                AudienceTrack.ShopOperators, ProviderType.EcommerceEnterprise, "示例电商企业", "示例电商平台",
                new DateOnly(2018, 9, 10), new DateOnly(2018, 9, 14), 40, FeeModel.Free)))
            .ToList();
        db.Courses.AddRange(courses);

        var countyIds = counties.Select(c => c.Id).ToList();
        var people = await db.Persons.Where(p => countyIds.Contains(p.CountyId)).OrderBy(p => p.Id).Take(16).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            var course = i % 4 == 3 ? courses[^1] : courses.First(c => c.CountyId == person.CountyId);
            var enrolment = Enrolment.ForDisabledPerson(course, person);
            course.TakePlace();
            if (i % 3 != 2)
            {
                enrolment.Complete(course.EndDate, course, "电子商务培训结业证书", $"JY2018{i:000}", today);
            }

            db.Enrolments.Add(enrolment);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Three hundred made-up people across the counties, about half of them in households.</summary>
    private async Task SeedRegistryAsync(CancellationToken cancellationToken)
    {
        var counties = await db.Regions.Where(r => r.ParentId != null).ToListAsync(cancellationToken);
        var byCode = counties.ToDictionary(r => r.Code.Value, r => r.Id);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var persons = DemoPeople.Generate(byCode.Keys.Order(StringComparer.Ordinal).ToList(), 300)
            .Select(p => Person.Register(p.Details, byCode[p.CountyCode]))
            .ToList();
        db.Persons.AddRange(persons);

        var random = new Random(2017);
        foreach (var person in persons.Where((_, i) => i % 2 == 0))
        {
            var household = Household.Create(person.CountyId, person.Township, person.Village, person.Id, person.Name);
            for (var m = random.Next(0, 4); m > 0; m--)
            {
                var (name, relation) = DemoPeople.FamilyMember(random, person.Name[..1]);
                household.AddMember(null, name, relation);
            }

            if (random.Next(3) > 0)
            {
                var year = random.Next(2014, 2017);
                var exited = random.Next(2) == 0 ? new DateOnly(random.Next(2018, 2021), random.Next(1, 13), random.Next(1, 29)) : (DateOnly?)null;
                household.SetPovertyStatus(true, year, $"4307{random.Next(100000, 999999)}", exited, today);
                household.SetBaseline(2016, DemoPeople.Income(random, 1800, 3200), today);
                foreach (var incomeYear in Enumerable.Range(2017, 4))
                {
                    household.RecordIncome(incomeYear, DemoPeople.Income(random, 2500 + ((incomeYear - 2017) * 800), 4500 + ((incomeYear - 2017) * 1200)), today);
                }
            }

            db.Households.Add(household);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding a demo account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
