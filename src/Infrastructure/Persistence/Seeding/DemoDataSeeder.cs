using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Policies;
using Sunshine.Application.Sales;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Catalogue;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Funds;
using Sunshine.Domain.Loans;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Programmes;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Sales;
using Sunshine.Domain.Shops;
using Sunshine.Domain.Training;
using Sunshine.Domain.WorkPlans;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo data set: accounts for trying the system, one per role (two officers in each of two counties,
/// so maker-checker steps can be tried), and
/// made-up people and households, courses, partner platforms with their sellers' shops and sales,
/// and the priority products catalogue. Only in Development, and only into a database with no accounts yet.
/// </summary>
public sealed class DemoDataSeeder(ApplicationDbContext db, UserManager<ApplicationUser> users, ISalesWriter sales, IAuditTrail audit, TimeProvider clock)
{
    public const string DemoPassword = "Sunshine@2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? CountyCode)> Accounts =
    [
        ("admin", "系统管理员", Roles.SystemAdmin, null),
        ("security", "安全管理员", Roles.SecurityAdmin, null),
        ("city", "市残联 张敏", Roles.CityOfficer, null),
        ("wuling", "武陵区残联 李华", Roles.CountyOfficer, "430702"),
        ("dingcheng", "鼎城区残联 王芳", Roles.CountyOfficer, "430703"),
        ("wuling2", "武陵区残联 刘洋", Roles.CountyOfficer, "430702"),
        ("dingcheng2", "鼎城区残联 陈刚", Roles.CountyOfficer, "430703"),
        ("wuling3", "武陵区残联 周婷", Roles.CountyOfficer, "430702"),
        ("city2", "市残联 赵磊", Roles.CityOfficer, null),
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
        await SeedCommerceAsync(cancellationToken);
        await SeedEvidenceAsync(cancellationToken);
        await SeedAwardsAsync(cancellationToken);
        await SeedWorkPlanRoundAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// A demo programme period covering today with the action plan's award parameters (so the award
    /// pages have something to screen), and fund allocations: the city's, and each demo county's.
    /// </summary>
    private async Task SeedAwardsAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        if (!await db.Programmes.AnyAsync(p => p.PeriodStart <= today && p.PeriodEnd >= today, cancellationToken))
        {
            var start = new DateOnly(today.Year - 1, 1, 1);
            var programme = Programme.Create(
                "CD-ECDA-DEMO", "常德市电子商务助残扶贫工程（演示期）", "Changde E-commerce Disability-Assistance Programme (demo period)",
                start, new DateOnly(today.Year + 1, 12, 31), "演示数据 Demo data");
            db.Programmes.Add(programme);
            db.PolicyVersions.Add(PolicyVersion.Create(programme.Id, PolicyKey.TrainingQualifications, start, PolicyStore.Write(ReferenceData.SampleQualifications), ReferenceData.SampleQualificationsNote));
            foreach (var (key, content, note) in ReferenceData.AwardPolicies)
            {
                db.PolicyVersions.Add(PolicyVersion.Create(programme.Id, key, start, content, note));
            }

            // The action plan's figures city-wide, and a share for each demo county.
            db.ProgrammeTargets.Add(Domain.Statistics.ProgrammeTarget.Create(programme, null, 70, 10, 100, programme.PeriodEnd));
            foreach (var code in new[] { "430702", "430703" })
            {
                var rc = RegionCode.Create(code);
                var county = await db.Regions.Where(r => r.Code == rc).Select(r => r.Id).SingleAsync(cancellationToken);
                db.ProgrammeTargets.Add(Domain.Statistics.ProgrammeTarget.Create(programme, county, 10, 2, 15, programme.PeriodEnd));
            }
        }

        var city = await DemoAccountIdAsync("city", cancellationToken);
        var now = clock.GetUtcNow();
        db.FundAllocations.Add(FundAllocation.Create(today.Year, FundLevel.City, null, Money.FromYuan(500_000m), "常残联发〔演示〕1号", "市级示范基地与企业认定奖补", city, now, today));
        foreach (var code in new[] { "430702", "430703" })
        {
            var rc = RegionCode.Create(code);
            var county = await db.Regions.Where(r => r.Code == rc).Select(r => r.Id).SingleAsync(cancellationToken);
            db.FundAllocations.Add(FundAllocation.Create(today.Year, FundLevel.County, county, Money.FromYuan(100_000m), $"{code}残联发〔演示〕1号", "县级示范户奖补、培训补贴", city, now, today));
            db.FundAllocations.Add(FundAllocation.Create(today.Year, FundLevel.City, county, Money.FromYuan(50_000m), $"常残联发〔演示〕{code}号", "市级资金补助县级项目", city, now, today));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Next year's work plans, due 10 days after seeding, from the two demo counties: the first reminder
    /// run (at start) tells their officers, so the notification centre has something to show.
    /// </summary>
    private async Task SeedWorkPlanRoundAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var programme = await db.Programmes.Where(p => p.PeriodStart <= today && p.PeriodEnd >= today).OrderBy(p => p.PeriodStart).FirstAsync(cancellationToken);
        var round = WorkPlanRound.Create(programme.Id, programme.PeriodStart, $"{today.Year + 1}年度县级工作计划", today.AddDays(10), clock.GetUtcNow());
        db.WorkPlanRounds.Add(round);
        foreach (var code in new[] { "430702", "430703" })
        {
            var rc = RegionCode.Create(code);
            db.WorkPlanFilings.Add(round.RequireCounty(await db.Regions.Where(r => r.Code == rc).Select(r => r.Id).SingleAsync(cancellationToken)));
        }

        await db.SaveChangesAsync(cancellationToken);
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

    /// <summary>
    /// Two partner platforms and an e-commerce enterprise; shops for 24 consenting people of Wuling and
    /// Dingcheng with 18 months of platform-reported sales (a few large sellers, many small), two
    /// staff-entered months awaiting confirmation, and a small products catalogue.
    /// </summary>
    private async Task SeedCommerceAsync(CancellationToken cancellationToken)
    {
        var wuling = await db.Regions.Where(r => r.Code == RegionCode.Create("430702")).Select(r => r.Id).SingleAsync(cancellationToken);
        var dingcheng = await db.Regions.Where(r => r.Code == RegionCode.Create("430703")).Select(r => r.Id).SingleAsync(cancellationToken);
        var platforms = new[]
        {
            Enterprise.Create("阳光优选电商平台", CreditCode("91110000MA01YGYX1"), null, EnterpriseRoles.PartnerPlatform),
            Enterprise.Create("常德本地生活网络科技有限公司", CreditCode("91430702MA4CDLH01"), wuling, EnterpriseRoles.PartnerPlatform | EnterpriseRoles.EcommerceEnterprise),
        };
        var enterprise = Enterprise.Create("鼎城区绿野农产品电子商务有限公司", CreditCode("91430703MA4GREEN1"), dingcheng, EnterpriseRoles.EcommerceEnterprise);
        db.Enterprises.AddRange([.. platforms, enterprise]);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var sellers = await db.Persons.Where(p => (p.CountyId == wuling || p.CountyId == dingcheng) && p.Status == PersonStatus.Active)
            .OrderBy(p => p.Id).Take(24).ToListAsync(cancellationToken);
        var shops = new List<Shop>();
        foreach (var (person, i) in sellers.Select((p, i) => (p, i)))
        {
            person.GiveConsent(ConsentScope.PartnerSharing, new DateOnly(2023, 12, 1), today);
            var platform = platforms[i % 2];
            var shopId = $"{(i % 2 == 0 ? "yg" : "cd")}-{1001 + i}";
            shops.Add(Shop.ForPerson(person.Id, person.CountyId, platform.Id, shopId,
                new ShopDetails($"{person.Name[..1]}记{ShopGoods[i % ShopGoods.Length]}", $"https://shop.example.com/{shopId}", ReportingGranularity.Monthly, new DateOnly(2024, 1, 1)),
                today, RecordSource.Partner));
        }

        shops.Add(Shop.ForEnterprise(enterprise.Id, dingcheng, platforms[0].Id, "yg-2001",
            new ShopDetails("绿野农家优选", "https://shop.example.com/yg-2001", ReportingGranularity.Monthly, new DateOnly(2024, 1, 1)), today, RecordSource.Staff));
        db.Shops.AddRange(shops);
        await db.SaveChangesAsync(cancellationToken);

        // A few large sellers, many small: monthly gross drawn around a per-shop scale.
        var random = new Random(2024);
        var countyOfficer = await DemoAccountIdAsync("dingcheng", cancellationToken);
        var writes = new List<SalesWrite>();
        var largeSellers = sellers.GroupBy(p => p.CountyId).Select(g => g.First().Id).ToHashSet(); // one demonstration household in each demo county
        // 18 months ending last month, so the previous calendar year (the awards' sales year) always has at least 7 of them.
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        foreach (var (shop, i) in shops.Select((s, i) => (s, i)))
        {
            var scale = largeSellers.Contains(shop.OwnerPersonId ?? Guid.Empty) ? 30_000m : i % 8 == 0 ? 20_000m : i % 3 == 0 ? 4_000m : 800m;
            for (var month = lastMonth.AddMonths(-17); month <= lastMonth; month = month.AddMonths(1))
            {
                var gross = decimal.Round(scale * (0.5m + (decimal)random.NextDouble()), 2);
                var refunds = decimal.Round(gross * (decimal)(random.NextDouble() * 0.06), 2);
                var orders = Math.Max(1, (int)(gross / (30 + random.Next(40))));
                var source = shop.Source == RecordSource.Partner ? RecordSource.Partner : RecordSource.Staff;
                var enteredBy = source == RecordSource.Staff ? countyOfficer : (Guid?)null;
                if (source == RecordSource.Staff && month < lastMonth.AddMonths(-1))
                {
                    continue; // the enterprise's shop: only its last two months, entered by the county officer, await confirmation
                }

                writes.Add(new SalesWrite(shop.Id, shop.CountyId, shop.PlatformId, SalesPeriod.MonthOf(month.Year, month.Month),
                    new SalesFigures(orders, orders + random.Next(orders), Money.FromYuan(gross), Money.FromYuan(refunds)), source, enteredBy));
            }
        }

        await sales.UpsertAsync(writes, clock.GetUtcNow(), cancellationToken);

        var producers = sellers.Take(6).ToList();
        foreach (var producer in producers.Where((_, i) => i % 2 == 0))
        {
            producer.GiveConsent(ConsentScope.Publication, new DateOnly(2024, 1, 1), today);
        }

        var products = new (string Name, ProductCategory Category, decimal Price, string Unit, string Description)[]
        {
            ("桃源擂茶", ProductCategory.FarmProduct, 38m, "盒", "桃源县传统擂茶，500克装。"),
            ("石门银峰茶", ProductCategory.FarmProduct, 168m, "罐", "石门高山绿茶，250克装。"),
            ("澧县葡萄", ProductCategory.FarmProduct, 12.5m, "斤", "应季鲜食葡萄，7至9月供应。"),
            ("常德竹编果篮", ProductCategory.Handicraft, 45m, "个", "手工竹编，直径30厘米。"),
            ("安乡腊鱼", ProductCategory.FarmProduct, 56m, "斤", "洞庭湖鲜鱼腌制，冬季供应。"),
            ("手工布艺挂件", ProductCategory.Handicraft, 18m, "件", "残疾人手工制作的布艺挂件。"),
        };
        var now = clock.GetUtcNow();
        foreach (var ((name, category, price, unit, description), i) in products.Select((p, i) => (p, i)))
        {
            var producer = producers[i];
            var availability = i == 2 || i == 4 ? ProductAvailability.Seasonal : ProductAvailability.Available;
            db.Products.Add(Product.Create(producer.CountyId, producer.Id, null, new ProductDetails(name, category, Money.FromYuan(price), unit, description, availability), now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Two Sunshine bases in Dingcheng, the e-commerce enterprise's supply agreements with them, its
    /// employment of three disabled people, product links with registered-poor households through
    /// 2024, and a microcredit loan.
    /// </summary>
    private async Task SeedEvidenceAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var dingcheng = await db.Regions.Where(r => r.Code == RegionCode.Create("430703")).Select(r => r.Id).SingleAsync(cancellationToken);
        var enterprise = await db.Enterprises.SingleAsync(e => e.Name == "鼎城区绿野农产品电子商务有限公司", cancellationToken);
        enterprise.SetProfile("周经理", "0736-7301234", "鼎城区武陵镇善卷路 88 号", null);
        var people = await db.Persons.Where(p => p.CountyId == dingcheng && p.Status == PersonStatus.Active && !db.Shops.Any(s => s.OwnerPersonId == p.Id))
            .OrderBy(p => p.Id).Take(5).ToListAsync(cancellationToken);
        var bases = new[]
        {
            SunshineBase.Register(dingcheng, new BaseDetails("鼎城区阳光蔬菜种植基地", people[0].Id, null, 2018, BaseStatus.Active, "时令蔬菜、土鸡蛋"), today),
            SunshineBase.Register(dingcheng, new BaseDetails("鼎城区阳光手工编织基地", null, enterprise.Id, 2019, BaseStatus.Active, "竹编、草编"), today),
        };
        db.SunshineBases.AddRange(bases);
        db.SupplyAgreements.AddRange(bases.Select(b =>
            SupplyAgreement.Create(enterprise.Id, enterprise.CountyId, b.Id, null, dingcheng, new DateOnly(2024, 1, 1), null, b.Products, today)));
        db.EmploymentRecords.AddRange(people.Skip(1).Take(3).Select((p, i) => EmploymentRecord.Create(
            enterprise.Id, enterprise.CountyId, p.Id, p.CountyId, (JobCategory)(i * 3), HoursType.FullTime, new DateOnly(2024, 3, 1), null, RecordSource.Staff, today)));

        var households = await db.Households.Where(h => h.IsRegisteredPoor).OrderBy(h => h.CountyId == dingcheng ? 0 : 1).ThenBy(h => h.Id).Take(4).ToListAsync(cancellationToken);
        foreach (var (household, i) in households.Select((h, i) => (h, i)))
        {
            var link = BenefitLink.Create(enterprise.Id, null, enterprise.CountyId, household.Id, household.CountyId, LinkType.ProductSupply, new DateOnly(2024, 1, 1), null, today);
            foreach (var month in Enumerable.Range(1, 4 + (i * 2)))
            {
                link.RecordMonth(2024, month, Money.FromYuan(300m + (i * 50m)), today);
            }

            db.BenefitLinks.Add(link);
        }

        db.Loans.Add(Loan.Create(people[4].Id, people[4].CountyId, LoanProgramme.PovertyAlleviationMicrocredit, "常德农村商业银行鼎城支行", Money.FromYuan(50_000m),
            0.0435m, DayCountBasis.Actual360, new DateOnly(2024, 1, 1), 36));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] ShopGoods = ["农家土货", "手工坊", "茶铺", "果园", "竹编小店", "腊味店"];

    private static UnifiedSocialCreditCode CreditCode(string first17) =>
        UnifiedSocialCreditCode.Create(first17 + UnifiedSocialCreditCode.CheckCharacterFor(first17));

    private Task<Guid> DemoAccountIdAsync(string userName, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(cancellationToken);

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding a demo account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
