using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Reminders;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>Whose a seeded record is: what decides who may see it besides the permission.</summary>
public enum RecordOwner
{
    /// <summary>Not scoped: reference data, accounts, enterprises, partner clients (every holder of the permission).</summary>
    Shared,

    /// <summary>A county-scoped record of county A: county B's officer is told 404.</summary>
    CountyA,

    /// <summary>A record of partner platform A: partner B's client is told 404.</summary>
    PartnerA,

    /// <summary>County A's officer's own notification: everyone else is told 404.</summary>
    RecipientCountyA,

    /// <summary>No such record was seeded (a made-up id): holders of the permission are told 404 for it.</summary>
    Unseeded,
}

/// <summary>An id the matrix puts into a path or query, with whose record it is.</summary>
public sealed record SeededId(string Value, RecordOwner Owner);

/// <summary>
/// The data the authorization matrix calls against: one record of every kind in county A (made through
/// the API by county A's officers and a city officer), a few records in county B, two partner
/// platforms each with a client holding every scope and its own shop, sales and employment, and the
/// signed-in principals. Counties A and B are two county-level regions no other test uses.
/// </summary>
public sealed class MatrixWorld
{
    private const string CountyACode = "4307Z3";
    private const string CountyBCode = "4307Z4";

    public required Guid CountyA { get; init; }

    public required Guid CountyB { get; init; }

    /// <summary>Path prefix before <c>{id}</c> (or the parameter name) → the id filled in.</summary>
    public required IReadOnlyDictionary<string, SeededId> Ids { get; init; }

    /// <summary>Every id of a record county B's officer must never see.</summary>
    /// <remarks>County A's region id itself is public reference data, listed to everyone.</remarks>
    public IEnumerable<string> CountyAIds => Ids.Values.Where(i => i.Owner is RecordOwner.CountyA or RecordOwner.RecipientCountyA).Select(i => i.Value)
        .Where(id => id != CountyA.ToString()).Distinct();

    /// <summary>Every id of partner A's records (shop ids and employment ids) partner B must never see.</summary>
    public IEnumerable<string> PartnerAIds => Ids.Values.Where(i => i.Owner == RecordOwner.PartnerA).Select(i => i.Value).Distinct();

    /// <summary>County B's own person, which county B's officer must see (so an empty list cannot pass the leak check).</summary>
    public required string CountyBPerson { get; init; }

    /// <summary>Partner B's own shop id, which partner B must see.</summary>
    public required string PartnerBShop { get; init; }

    public required IReadOnlyList<Principal> Principals { get; init; }

    /// <summary>The partner principals' clients by principal name, for a fresh token when a run outlasts one (5 minutes).</summary>
    public required IReadOnlyDictionary<string, TestPartnerClient> PartnerClients { get; init; }

    public static async Task<MatrixWorld> SeedAsync(SunshineApp app)
    {
        var a = await app.RegionIdAsync(CountyACode);
        var b = await app.RegionIdAsync(CountyBCode);
        var ids = new System.Collections.Concurrent.ConcurrentDictionary<string, SeededId>(StringComparer.Ordinal);
        void Add(string key, object value, RecordOwner owner) => ids[key] = new SeededId(value.ToString()!, owner);

        // Independent steps run side by side: the matrix has a time budget.
        var seeders = await Task.WhenAll(
            app.SignInAsNewAsync(Roles.CityOfficer),
            app.SignInAsNewAsync(Roles.CountyOfficer, a),
            app.SignInAsNewAsync(Roles.CountyOfficer, a),
            app.SignInAsNewAsync(Roles.CountyOfficer, a),
            app.SignInAsNewAsync(Roles.CountyOfficer, b));
        var (city, maker, checker, payer, makerB) = (seeders[0].Client, seeders[1].Client, seeders[2].Client, seeders[3].Client, seeders[4].Client);

        // Partner platforms A and B, each with a client holding every scope and a spare client of A's to rotate and revoke.
        var platformA = await TestPartners.CreatePlatformAsync(city, "矩阵平台甲");
        var platformB = await TestPartners.CreatePlatformAsync(city, "矩阵平台乙");
        string[] scopes = ["shops.write", "sales.write", "catalog.read", "employment.write"];
        var clientA = await TestPartners.CreateClientAsync(city, platformA, scopes);
        var clientB = await TestPartners.CreateClientAsync(city, platformB, scopes);
        var spareClient = await TestPartners.CreateClientAsync(city, platformA, "catalog.read");
        Add("/api/partner-clients/", spareClient.Id, RecordOwner.Shared);
        var partnerA = await TestPartners.ConnectAsync(app, clientA);
        var partnerB = await TestPartners.ConnectAsync(app, clientB);
        var elsewhere = CountyBAndPartnersAsync();

        async Task<(string PersonB, string ShopB)> CountyBAndPartnersAsync()
        {
            // County B: a person, a household and a course of its own.
            var personB = await IdAsync(TestPeople.CreateAsync(makerB, b));
            await PostAsync(makerB, "/api/households", new { countyId = b, headPersonId = personB, isRegisteredPoor = false });
            await PostAsync(makerB, "/api/courses", TrainingTests.CourseBody(b));

            // Partners: each registers a shop for a consenting seller, reports its sales and an employment.
            var shopA = await TestPartners.RegisterShopAsync(partnerA, await TestPartners.ConsentingSellerAsync(maker, a));
            var shopB = await TestPartners.RegisterShopAsync(partnerB, await TestPartners.ConsentingSellerAsync(makerB, b));
            Add("{platformShopId}", shopA, RecordOwner.PartnerA);
            Add("platformShopId", shopA, RecordOwner.PartnerA);
            Add("/api/partner/v1/employment/", await PartnerEmploymentAsync(partnerA, await TestPartners.ConsentingSellerAsync(maker, a)), RecordOwner.PartnerA);
            await PartnerEmploymentAsync(partnerB, await TestPartners.ConsentingSellerAsync(makerB, b));
            foreach (var (partner, shopId) in new[] { (partnerA, shopA), (partnerB, shopB) })
            {
                await Ensure(partner.WriteAsync(HttpMethod.Put, "/api/partner/v1/sales", new { records = new[] { TestPartners.Record(shopId, "2024-01", 120m) } }));
            }

            return (personB.ToString(), shopB);
        }

        // County A: people, a household with a member, a shop with pending sales, a product.
        var person = await IdAsync(TestPeople.CreateAsync(maker, a));
        await PostAsync(maker, $"/api/persons/{person}/consents", new { scope = "PartnerSharing", givenOn = "2024-03-01" });
        Add("/api/persons/", person, RecordOwner.CountyA);
        var member = await IdAsync(TestPeople.CreateAsync(maker, a));
        var household = await IdAsync(PostAsync(maker, "/api/households", new
        {
            countyId = a, headPersonId = person, isRegisteredPoor = true, registeredPoorYear = 2015, poorHouseholdNumber = "4307Z3150001",
        }));
        var withMember = await PostAsync(maker, $"/api/households/{household}/members", new { personId = member, relation = "Child" });
        Add("/api/households/", household, RecordOwner.CountyA);
        Add("{memberId}", withMember.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").ValueKind == JsonValueKind.String
            && m.GetProperty("personId").GetGuid() == member).GetProperty("id").GetGuid(), RecordOwner.CountyA);
        var shop = await IdAsync(PostAsync(maker, "/api/shops", new
        {
            ownerPersonId = person, platformId = platformA, platformShopId = "matrix-staff-" + Guid.NewGuid().ToString("N")[..8], name = "矩阵小店",
            granularity = "Monthly", openedOn = "2024-01-01",
        }));
        Add("/api/shops/", shop, RecordOwner.CountyA);
        Add("{salesId}", await IdAsync(SendAsync(maker, HttpMethod.Put, $"/api/shops/{shop}/sales", new
        {
            period = "2024-01", orderCount = 3, units = 3, grossAmount = 300m, refunds = 0m,
        })), RecordOwner.CountyA);
        Add("/api/products/", await IdAsync(PostAsync(maker, "/api/products", new
        {
            name = "矩阵擂茶", category = "FarmProduct", producerPersonId = person, price = 6.5m, unit = "斤", description = "产地直发", availability = "Available",
        })), RecordOwner.CountyA);

        // Training: a county course with an enrolment; a training claim with a document, decided and paid.
        var course = await IdAsync(PostAsync(maker, "/api/courses", TrainingTests.CourseBody(a)));
        Add("/api/courses/", course, RecordOwner.CountyA);
        Add("{enrolmentId}", await IdAsync(PostAsync(maker, $"/api/courses/{course}/enrolments", new { kind = "DisabledPerson", personId = member })),
            RecordOwner.CountyA);
        var claim = await ClaimsTests.DraftAsync(maker, a);
        Add("/api/training-claims/", claim, RecordOwner.CountyA);
        var document = new MultipartFormDataContent { { new ByteArrayContent([.. "%PDF-1.4\n"u8.ToArray(), .. new byte[200]]), "file", "receipt.pdf" } };
        Add("/api/attachments/", await IdAsync(Ensure(maker.PostAsync($"/api/training-claims/{claim}/attachments?kind=Receipt", document))), RecordOwner.CountyA);
        var paid = await ClaimsTests.DraftAsync(maker, a);
        await PostAsync(maker, $"/api/benefits/{paid}/submission", new { });
        await PostAsync(checker, $"/api/benefits/{paid}/county-review", new { });
        var allocation = await FundsHelper.AllocationAsync(payer, a, 5_000m);
        await PostAsync(payer, $"/api/benefits/{paid}/payment", FundsHelper.Payment("2019-07-01", "记-矩阵", (allocation, 800m)));
        var payments = await GetAsync(payer, $"/api/funds/payments?pageSize=100");
        Add("/api/funds/payments/", payments.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("benefitId").GetString() == paid).GetProperty("id").GetGuid(),
            RecordOwner.CountyA);
        Add("/api/benefits/", claim, RecordOwner.CountyA);
        Add("{objectionId}", Guid.NewGuid(), RecordOwner.Unseeded);
        Add("/api/awards/applications/", await IdAsync(PostAsync(maker, "/api/awards/applications", new { type = "DemonstrationHouseholdAward", beneficiaryId = person })),
            RecordOwner.CountyA);
        Add("beneficiaryId", person, RecordOwner.CountyA);

        // Channels, enterprises and their evidence, loans, incubation and mentoring.
        Add("/api/channels/outlets/", await IdAsync(PostAsync(maker, "/api/channels/outlets", new
        {
            countyId = a, name = "矩阵专区", location = "Supermarket", level = "County", address = "测试路 1 号", openedOn = "2024-03-01",
        })), RecordOwner.CountyA);
        Add("/api/channels/exhibitions/", await IdAsync(PostAsync(maker, "/api/channels/exhibitions", new
        {
            countyId = a, name = "矩阵展会", mode = "Offline", startDate = "2024-11-08", endDate = "2024-11-10",
        })), RecordOwner.CountyA);
        var enterprise = await IdAsync(PostAsync(city, "/api/enterprises", new
        {
            name = "矩阵企业" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = a,
            roles = new[] { "EcommerceEnterprise", "Incubator", "ThirdPartyServiceProvider" },
        }));
        Add("/api/enterprises/", enterprise, RecordOwner.Shared);
        var sunshineBase = await IdAsync(PostAsync(maker, "/api/bases", new
        {
            countyId = a, name = "矩阵基地" + Random.Shared.Next(100_000), operatorPersonId = person, recognisedYear = 2019, status = "Active", products = "擂茶",
        }));
        Add("/api/bases/", sunshineBase, RecordOwner.CountyA);
        Add("/api/supply-agreements/", await IdAsync(PostAsync(maker, "/api/supply-agreements", new
        {
            enterpriseId = enterprise, baseId = sunshineBase, startDate = "2024-01-01", products = "茶叶",
        })), RecordOwner.CountyA);
        Add("/api/employment/", await IdAsync(PostAsync(maker, "/api/employment", new
        {
            enterpriseId = enterprise, personId = member, jobCategory = "CustomerService", hoursType = "FullTime", startDate = "2024-01-01",
        })), RecordOwner.CountyA);
        Add("/api/benefit-links/", await IdAsync(PostAsync(maker, "/api/benefit-links", new
        {
            enterpriseId = enterprise, householdId = household, type = "ProductSupply", startDate = "2024-01-01",
        })), RecordOwner.CountyA);
        var loan = await IdAsync(PostAsync(maker, "/api/loans", new
        {
            borrowerId = person, programme = "PovertyAlleviationMicrocredit", lender = "常德农村商业银行", principal = 50_000m, annualRate = 0.0435m,
            dayCountBasis = "Actual360", startDate = "2019-01-01", termMonths = 36,
        }));
        Add("/api/loans/", loan, RecordOwner.CountyA);
        Add("/api/interest-subsidy-claims/", await IdAsync(PostAsync(maker, "/api/interest-subsidy-claims", new
        {
            loanId = loan, periodStart = "2019-01-01", periodEnd = "2019-03-31",
        })), RecordOwner.CountyA);
        Add("/api/incubations/", await IdAsync(PostAsync(maker, "/api/incubations", new
        {
            incubatorEnterpriseId = enterprise, personId = member, incubateeType = "UniversityStudent", services = new[] { "Workspace" }, startDate = "2024-09-01",
        })), RecordOwner.CountyA);
        Add("/api/mentoring/contracts/", await IdAsync(PostAsync(maker, "/api/mentoring/contracts", new
        {
            title = "矩阵指导合同", providerEnterpriseId = enterprise, countyId = a, amount = 30_000m, startDate = "2024-01-01", endDate = "2024-12-31",
        })), RecordOwner.CountyA);

        // Operation services, supervision visits with a rectification item, a service station with a recruit.
        Add("/api/operation-services/", await IdAsync(PostAsync(maker, "/api/operation-services", new
        {
            recipient = new { householdId = household }, type = "ProductPhotography", providerKind = "Enterprise", providerEnterpriseId = enterprise,
            servedOn = "2024-05-01", hours = 4m, cost = 300m, fundingSource = "残疾人就业保障金",
        })), RecordOwner.CountyA);
        var visit = await PostAsync(maker, "/api/supervision/visits", new
        {
            subject = "Base", baseId = sunshineBase, visitedOn = "2024-05-10", inspectors = "矩阵检查组", findings = "台账不全",
            rectifications = new[] { new { item = "补齐台账", dueDate = "2024-06-10" } },
        });
        Add("/api/supervision/visits/", visit.GetProperty("id").GetGuid(), RecordOwner.CountyA);
        Add("/api/supervision/rectifications/", visit.GetProperty("rectifications")[0].GetProperty("id").GetGuid(), RecordOwner.CountyA);
        var station = await IdAsync(PostAsync(maker, "/api/service-stations", new
        {
            countyId = a, kind = "VillageServiceStation", name = "矩阵服务站", township = "河洑镇", village = "山堉村", address = "村部", operatorEnterpriseId = enterprise,
            openedOn = "2024-01-01",
        }));
        await PostAsync(maker, $"/api/service-stations/{station}/recruits", new { personId = member, terms = "免收入驻费", startDate = "2024-02-01" });
        Add("/api/service-stations/", station, RecordOwner.CountyA);

        // Typical case, work plan (a round for county A alone), annual summary round, bulletin, imports.
        Add("/api/typical-cases/", await IdAsync(PostAsync(maker, "/api/typical-cases", new { personId = person, title = "矩阵案例", narrative = "正文" })),
            RecordOwner.CountyA);
        var programme = (await GetAsync(city, "/api/programmes"))[0].GetProperty("id").GetGuid();
        Add("programmeId", programme, RecordOwner.Shared);
        var round = await PostAsync(city, "/api/work-plans/rounds", new
        {
            programmeId = programme, title = "矩阵方案备案", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), countyIds = new[] { a },
        });
        Add("/api/work-plans/rounds/", round.GetProperty("id").GetGuid(), RecordOwner.CountyA);
        var filing = round.GetProperty("filings")[0].GetProperty("id").GetGuid();
        Add("/api/work-plans/filings/", filing, RecordOwner.CountyA);
        await Ensure(maker.PostAsync($"/api/work-plans/filings/{filing}/document", TestDocuments.Form(TestDocuments.Pdf(), "方案.pdf")));
        Add("{roundId}", await AnnualSummaryRoundAsync(city), RecordOwner.Shared);
        Add("{countyId}", a, RecordOwner.CountyA);
        await SendAsync(maker, HttpMethod.Put, $"/api/annual-summaries/{ids["{roundId}"].Value}/counties/{a}", new
        {
            achievements = "培训残疾人并开设网店", typicalCases = "", problems = "", nextYearPlan = "",
        });
        Add("/api/statistics/bulletins/", await IdAsync(PostAsync(maker, "/api/statistics/bulletins", new { title = "矩阵通报", period = "Year", year = 2019 })),
            RecordOwner.CountyA);
        Add("/api/person-imports/", await IdAsync(Ensure(TestImports.UploadAsync(maker, "person-imports", ("姓名\n"u8.ToArray(), "people.csv"), false))),
            RecordOwner.CountyA);
        Add("/api/sales-imports/", await IdAsync(Ensure(TestImports.UploadAsync(maker, "sales-imports", ("店铺\n"u8.ToArray(), "sales.csv"), false))),
            RecordOwner.CountyA);

        // Reference data and accounts: not scoped.
        Add("/api/regions/", a, RecordOwner.Shared);
        Add("/api/policies/", (await GetAsync(city, "/api/policies"))[0].GetProperty("id").GetGuid(), RecordOwner.Shared);
        Add("/api/accounts/", (await app.CreateAccountAsync(Roles.CityOfficer)).Id, RecordOwner.Shared);

        // The principals, and county A's officer's own notification.
        var signedIn = await Task.WhenAll(
            app.SignInAsNewAsync(Roles.CountyOfficer, a),
            app.SignInAsNewAsync(Roles.SystemAdmin),
            app.SignInAsNewAsync(Roles.SecurityAdmin),
            app.SignInAsNewAsync(Roles.Auditor, null, Permissions.PiiReveal),
            app.SignInAsNewAsync(Roles.CountyOfficer, b),
            app.SignInAsNewAsync(Roles.CityOfficer));
        var (countyAOfficer, countyAAccount) = signedIn[0];
        Add("/api/notifications/", await NotificationAsync(app, countyAAccount.Id, filing, a), RecordOwner.RecipientCountyA);
        var principals = new List<Principal>
        {
            new("anonymous", null, app.CreateClient()),
            new("partner B", Roles.PartnerPlatform, partnerB, PartnerB: true),
            new("partner A", Roles.PartnerPlatform, partnerA),
            new(Roles.SystemAdmin, Roles.SystemAdmin, signedIn[1].Client),
            new(Roles.SecurityAdmin, Roles.SecurityAdmin, signedIn[2].Client),
            new(Roles.Auditor + " (with pii.reveal)", Roles.Auditor, signedIn[3].Client,
                Grants: [Permissions.PiiReveal]),
            new("county B officer", Roles.CountyOfficer, signedIn[4].Client, CountyB: true),
            new("county A officer", Roles.CountyOfficer, countyAOfficer),
            new(Roles.CityOfficer, Roles.CityOfficer, signedIn[5].Client),
        };

        var (personB, shopB) = await elsewhere;
        return new MatrixWorld
        {
            CountyA = a, CountyB = b, Ids = ids, CountyBPerson = personB, PartnerBShop = shopB, Principals = principals,
            PartnerClients = new Dictionary<string, TestPartnerClient>(StringComparer.Ordinal) { ["partner A"] = clientA, ["partner B"] = clientB },
        };
    }

    /// <summary>One round per year for the whole city: a year no other test opens.</summary>
    private static async Task<Guid> AnnualSummaryRoundAsync(HttpClient city)
    {
        var existing = (await GetAsync(city, "/api/annual-summaries")).EnumerateArray().FirstOrDefault(r => r.GetProperty("year").GetInt32() == 2003);
        return existing.ValueKind == JsonValueKind.Object
            ? existing.GetProperty("id").GetGuid()
            : await IdAsync(PostAsync(city, "/api/annual-summaries", new { year = 2003, dataCutOff = "2003-10-31" }));
    }

    private static async Task<Guid> PartnerEmploymentAsync(HttpClient partner, (Guid Id, string CertificateNumber, string Name) employee) =>
        await IdAsync(Ensure(partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/employment", new
        {
            employee = new { certificateNumber = employee.CertificateNumber, name = employee.Name },
            jobCategory = "CustomerService", hoursType = "FullTime", startDate = "2024-01-01",
        })));

    /// <summary>A reminder as the reminder service writes it (the service itself runs city-wide, so it is not called here).</summary>
    private static Task<Guid> NotificationAsync(SunshineApp app, Guid recipient, Guid filing, Guid county) => app.QueryAsync(async db =>
    {
        var notification = Notification.Remind(recipient, "WorkPlan", filing, county, ReminderStage.FourteenDaysBefore, new DateOnly(2030, 1, 1), "矩阵提醒", "/work-plans", DateTimeOffset.UtcNow);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return await db.Notifications.Where(n => n.RecipientId == recipient).Select(n => n.Id).SingleAsync();
    });

    private static async Task<Guid> IdAsync(Task<JsonElement> created) => (await created).GetProperty("id").GetGuid();

    private static async Task<Guid> IdAsync(Task<HttpResponseMessage> response) => await IdAsync(Ensure(response));

    private static async Task<JsonElement> Ensure(Task<HttpResponseMessage> response)
    {
        var message = await response;
        var body = await message.Content.ReadAsStringAsync();
        Assert.True(message.IsSuccessStatusCode, $"Seeding {message.RequestMessage?.Method} {message.RequestMessage?.RequestUri}: {(int)message.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<JsonElement> PostAsync(HttpClient client, string url, object body) => Ensure(client.PostAsJsonAsync(url, body));

    private static Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object body) =>
        Ensure(client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) }));

    private static Task<JsonElement> GetAsync(HttpClient client, string url) => Ensure(client.GetAsync(url));
}

/// <summary>A caller of the matrix: a name, the role it holds (none when anonymous) and its signed-in client.</summary>
public sealed record Principal(string Name, string? Role, HttpClient Client, bool CountyB = false, bool PartnerB = false, string[]? Grants = null)
{
    public bool IsPartner => Role == Roles.PartnerPlatform;

    public IReadOnlySet<string> Permissions => Role is null || IsPartner
        ? new HashSet<string>(IsPartner ? RoleTable.Get(Roles.PartnerPlatform).Grantable : [], StringComparer.Ordinal)
        : RoleTable.EffectivePermissions([Role], Grants ?? []);
}
