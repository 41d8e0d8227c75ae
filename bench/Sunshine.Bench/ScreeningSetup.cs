using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Registry;
using Sunshine.Infrastructure.Security;

namespace Sunshine.Bench;

/// <summary>What the screening setup loaded, and what the screening must therefore answer.</summary>
public sealed record ScreeningWorld(
    ProgrammeData Data,
    ProgrammeProfile Profile,
    Dictionary<string, Guid> Counties,
    IReadOnlyList<Guid> PersonIds,
    decimal Threshold,
    string PolicySource,
    IReadOnlyDictionary<BenefitState, int> Applications,
    IReadOnlyDictionary<Guid, BenefitState> ApplicationOf,
    IReadOnlyDictionary<Guid, decimal> ExpectedBenchRows,
    IReadOnlyList<(string Step, double Seconds)> Steps,
    bool HasOwnerYearRollup)
{
    public double LoadSeconds => Steps.Sum(s => s.Seconds);
}

/// <summary>
/// Loads the programme data set (<see cref="ProgrammeData"/>) with binary COPY, the way the API would have
/// stored it: the platforms (enterprises with the PartnerPlatform role) and the shop-owning e-commerce
/// enterprises; the people, their ID, certificate and phone numbers encrypted with the API's own protector and
/// key file (the API reads them back) and their blind indexes; the shops; <c>sales_records</c>; then the roll-ups
/// <c>shop_month_sales</c> and <c>county_month_sales</c> by INSERT … SELECT … GROUP BY over the rows just copied
/// (the API maintains them per write; the bench checks both ways agree). The award policy in force today comes
/// from the programme whose period covers today; when none does, a bench programme with the demonstration-household
/// policy is added. A sample of the people who qualify get award applications in every state, so the screening
/// must leave out the open and approved ones and keep the rejected and withdrawn.
/// </summary>
public sealed class ScreeningSetup(ScreeningOptions options, NpgsqlDataSource database)
{
    private const string HouseholdPolicy = """{"grant": 10000, "salesThreshold": 100000}""";

    /// <summary>States of the sample applications, in turn: each qualifying person sampled gets the next.</summary>
    private static readonly BenefitState[] ApplicationStates =
    [
        BenefitState.Draft, BenefitState.Rejected, BenefitState.Submitted, BenefitState.Withdrawn, BenefitState.PublicNotice, BenefitState.Approved, BenefitState.Paid,
    ];

    private readonly List<(string Step, double Seconds)> _steps = [];

    public static DateOnly Today => TimeProvider.System.Today();

    public async Task<ScreeningWorld> RunAsync(Dictionary<string, Guid> counties, Guid officerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counties);
        var today = Today;
        var clock = Stopwatch.StartNew();
        var data = new ProgrammeData(options, today, counties.Keys.Order(StringComparer.Ordinal).ToList());
        Step("made the plan (people, shops, owners, daily shops)", clock);

        await using (var check = database.CreateCommand("SELECT count(*) FROM enterprises WHERE id = $1"))
        {
            check.Parameters.AddWithValue(data.IdOf(ProgrammeData.PlatformKind, 0));
            if ((long)(await check.ExecuteScalarAsync(ct))! != 0)
            {
                throw new InvalidOperationException("This database already holds the screening data set of this seed: run on a fresh database (bench/run makes one).");
            }
        }

        var (threshold, policySource) = await EnsurePolicyAsync(today, ct);
        Step("policy in force", clock);

        var protector = SensitiveDataProtector.FromOptions(new SensitiveDataOptions { KeyFile = options.KeyFile }, mayCreateKeyFile: false);
        await CopyEnterprisesAsync(data, counties, ct);
        Step("COPY enterprises", clock);
        var personIds = await CopyPeopleAsync(data, counties, protector, today, ct);
        Step($"COPY persons ({data.People.Count:N0}, encrypted)", clock);
        await CopyShopsAsync(data, counties, personIds, ct);
        Step($"COPY shops ({data.ShopCount:N0})", clock);

        var (records, dailyRecords, yearNet, personNet, shopGross) = await CopySalesAsync(data, counties, officerId, ct);
        Step($"COPY sales_records ({records:N0} rows; indexes and foreign key dropped during the load)", clock);
        await RollUpAsync(data, ct);
        Step(_hasOwnerYearRollup ? "roll-ups, the owners' years too (INSERT … SELECT … GROUP BY)" : "roll-ups (INSERT … SELECT … GROUP BY)", clock);
        await RestoreSalesConstraintsAsync(ct);
        Step("sales_records indexes and foreign key rebuilt", clock);

        var profile = data.MakeProfile(personNet, shopGross, records, dailyRecords, yearNet, threshold);
        var thresholdFen = (long)(threshold * 100);
        var qualifying = Enumerable.Range(0, data.People.Count)
            .Where(p => personNet[p] >= thresholdFen && data.Status[p] == PersonStatus.Active)
            .ToList();
        var applications = await AddApplicationsAsync(data, counties, personIds, qualifying, officerId, today, ct);
        Step($"award applications ({applications.Values.Sum():N0})", clock);

        await using (var connection = await database.OpenConnectionAsync(ct))
        {
            var tables = new[] { "enterprises", "persons", "shops", "sales_records", "shop_month_sales", "county_month_sales", "benefits", "award_applications", "programmes", "policy_versions" };
            foreach (var table in _hasOwnerYearRollup ? [.. tables, "owner_year_sales"] : tables)
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection) { CommandTimeout = 0 };
                await vacuum.ExecuteNonQueryAsync(ct);
            }

            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 0 };
            await checkpoint.ExecuteNonQueryAsync(ct);
        }

        Step("VACUUM (ANALYZE), CHECKPOINT", clock);

        // What the screening must answer for the bench's people: active, over the threshold, and no application
        // that is open or approved (rejected and withdrawn ones do not count).
        var expected = qualifying.Where(p => !_excludedPeople.Contains(p)).ToDictionary(p => personIds[p], p => personNet[p] / 100m);
        return new ScreeningWorld(data, profile, counties, personIds, threshold, policySource, applications, _applicationOf, expected, _steps, _hasOwnerYearRollup);
    }

    /// <summary>
    /// The world of a database this seed was loaded into earlier today (<c>--reuse true</c>: time again without
    /// loading): everything is made again from the seed in memory, nothing is written.
    /// </summary>
    public async Task<ScreeningWorld> DescribeAsync(Dictionary<string, Guid> counties, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counties);
        var data = new ProgrammeData(options, Today, counties.Keys.Order(StringComparer.Ordinal).ToList());
        await using (var check = database.CreateCommand("SELECT count(*) FROM enterprises WHERE id = $1"))
        {
            check.Parameters.AddWithValue(data.IdOf(ProgrammeData.PlatformKind, 0));
            if ((long)(await check.ExecuteScalarAsync(ct))! == 0)
            {
                throw new InvalidOperationException("--reuse: this database holds no screening data set of this seed.");
            }
        }

        var (threshold, policySource) = await EnsurePolicyAsync(Today, ct);
        await using (var exists = database.CreateCommand("SELECT to_regclass('owner_year_sales') IS NOT NULL"))
        {
            _hasOwnerYearRollup = (bool)(await exists.ExecuteScalarAsync(ct))!;
        }

        var (profile, personNet) = data.Profile(threshold);
        var personIds = Enumerable.Range(0, data.People.Count).Select(p => data.IdOf(ProgrammeData.PersonKind, p)).ToList();
        var thresholdFen = (long)(threshold * 100);
        var qualifying = Enumerable.Range(0, data.People.Count).Where(p => personNet[p] >= thresholdFen && data.Status[p] == PersonStatus.Active).ToList();
        var (applications, _) = PlanApplications(personIds, qualifying);
        var expected = qualifying.Where(p => !_excludedPeople.Contains(p)).ToDictionary(p => personIds[p], p => personNet[p] / 100m);
        return new ScreeningWorld(data, profile, counties, personIds, threshold, policySource + ", loaded earlier", applications, _applicationOf, expected, [], _hasOwnerYearRollup);
    }

    private readonly HashSet<int> _excludedPeople = [];

    private bool _hasOwnerYearRollup;

    private readonly Dictionary<Guid, BenefitState> _applicationOf = [];

    private void Step(string name, Stopwatch clock)
    {
        _steps.Add((name, clock.Elapsed.TotalSeconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:N1} s  {name}"));
        clock.Restart();
    }

    /// <summary>The demonstration-household policy in force today (as the policy store reads it), added with a bench programme when no programme covers today.</summary>
    private async Task<(decimal Threshold, string Source)> EnsurePolicyAsync(DateOnly today, CancellationToken ct)
    {
        const string InForce =
            """
            SELECT (v.content ->> 'salesThreshold')::numeric, p.code
            FROM policy_versions v JOIN programmes p ON p.id = v.programme_id
            WHERE v.programme_id = (SELECT id FROM programmes WHERE period_start <= $1 AND period_end >= $1 ORDER BY period_start DESC LIMIT 1)
              AND v.key = 'DemonstrationHouseholdAward' AND v.effective_from <= $1
            ORDER BY v.effective_from DESC LIMIT 1
            """;
        async Task<(decimal, string)?> ReadAsync()
        {
            await using var read = database.CreateCommand(InForce);
            read.Parameters.AddWithValue(today);
            await using var reader = await read.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? (reader.GetDecimal(0), reader.GetString(1)) : null;
        }

        if (await ReadAsync() is { } found)
        {
            return (found.Item1, $"the policy in force today (programme {found.Item2})");
        }

        var programmeId = Guid.CreateVersion7();
        var start = new DateOnly(today.Year - 1, 1, 1);
        await using (var insert = database.CreateCommand(
            """
            INSERT INTO programmes (id, code, name, name_en, period_start, period_end, document_reference)
            SELECT $1, $2, '常德市电子商务助残扶贫工程（基准测试期）', 'Changde E-commerce Disability-Assistance Programme (benchmark period)', $3, $4, '基准测试数据 Benchmark data'
            WHERE NOT EXISTS (SELECT FROM programmes WHERE period_start <= $5 AND period_end >= $5)
            """))
        {
            insert.Parameters.AddWithValue(programmeId);
            insert.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"BENCH-{options.Seed}"));
            insert.Parameters.AddWithValue(start);
            insert.Parameters.AddWithValue(new DateOnly(today.Year + 1, 12, 31));
            insert.Parameters.AddWithValue(today);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var version = database.CreateCommand(
            """
            INSERT INTO policy_versions (id, programme_id, key, effective_from, content, note, is_used)
            SELECT $1, p.id, 'DemonstrationHouseholdAward', p.period_start, $2::jsonb, '基准测试 benchmark', false
            FROM programmes p WHERE p.id = (SELECT id FROM programmes WHERE period_start <= $3 AND period_end >= $3 ORDER BY period_start DESC LIMIT 1)
            ON CONFLICT DO NOTHING
            """))
        {
            version.Parameters.AddWithValue(Guid.CreateVersion7());
            version.Parameters.AddWithValue(HouseholdPolicy);
            version.Parameters.AddWithValue(today);
            await version.ExecuteNonQueryAsync(ct);
        }

        return await ReadAsync() is { } added
            ? (added.Item1, $"added by the bench (programme {added.Item2}, {HouseholdPolicy})")
            : throw new InvalidOperationException("Could not put a demonstration-household policy in force today.");
    }

    private async Task CopyEnterprisesAsync(ProgrammeData data, Dictionary<string, Guid> counties, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var import = await connection.BeginBinaryImportAsync("COPY enterprises (id, name, credit_code, county_id, roles) FROM STDIN (FORMAT BINARY)", ct);
        for (var p = 0; p < options.Platforms; p++)
        {
            import.StartRow();
            import.Write(data.IdOf(ProgrammeData.PlatformKind, p), NpgsqlDbType.Uuid);
            import.Write(string.Create(CultureInfo.InvariantCulture, $"{PlatformNames[p % PlatformNames.Length]}电商平台（筛查基准{options.Seed}-{p + 1}）"), NpgsqlDbType.Varchar);
            import.Write(CreditCode(0, p), NpgsqlDbType.Varchar);
            import.WriteNull();
            import.Write((int)EnterpriseRoles.PartnerPlatform, NpgsqlDbType.Integer);
        }

        for (var e = 0; e < data.Enterprises; e++)
        {
            import.StartRow();
            import.Write(data.IdOf(ProgrammeData.EnterpriseKind, e), NpgsqlDbType.Uuid);
            import.Write(string.Create(CultureInfo.InvariantCulture, $"{EnterpriseWords[e % EnterpriseWords.Length]}电子商务有限公司（筛查基准{e + 1}）"), NpgsqlDbType.Varchar);
            import.Write(CreditCode(1, e), NpgsqlDbType.Varchar);
            import.Write(counties[data.CountyOfEnterprise(e)], NpgsqlDbType.Uuid);
            import.Write((int)EnterpriseRoles.EcommerceEnterprise, NpgsqlDbType.Integer);
        }

        await import.CompleteAsync(ct);
    }

    private static readonly string[] PlatformNames = ["阳光优品", "助残集市", "乡村好物", "湖湘易购", "武陵山货", "洞庭鲜选", "桃源优选", "沅澧云仓"];

    private static readonly string[] EnterpriseWords = ["常德阳光", "武陵源", "澧水", "沅江", "桃花源", "柳叶湖", "德山", "津市", "石门", "安乡"];

    /// <summary>A valid, unique credit code (division 430799, never allocated) from the seed, a kind and an index.</summary>
    private string CreditCode(int kind, int index)
    {
        var alphabet = UnifiedSocialCreditCode.Alphabet;
        var n = (long)index + (kind * 1_000_000L) + ((long)(options.Seed % 1000) * 10_000_000L);
        var tail = new char[9];
        for (var i = 8; i >= 0; i--)
        {
            tail[i] = alphabet[(int)(n % alphabet.Length)];
            n /= alphabet.Length;
        }

        var body = "91430799" + new string(tail);
        return body + UnifiedSocialCreditCode.CheckCharacterFor(body);
    }

    /// <summary>The people as the registry stores them: the domain's own Person (so category, level, sex and birth date follow the numbers), encrypted with the API's protector.</summary>
    private async Task<List<Guid>> CopyPeopleAsync(ProgrammeData data, Dictionary<string, Guid> counties, SensitiveDataProtector protector, DateOnly today, CancellationToken ct)
    {
        var ids = new List<Guid>(data.People.Count);
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var import = await connection.BeginBinaryImportAsync(
            """
            COPY persons (id, name, id_number, certificate_number, category, level, sex, birth_date, county_id, township, village, registration, phone, tags,
                          status, status_changed_on, certificate_number_index, id_number_index, phone_index) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var row in data.People)
        {
            var idNumber = ResidentIdNumber.Create(row.IdNumber, today);
            var certificate = DisabilityCertificateNumber.Create(row.CertificateNumber, idNumber);
            var phone = row.Phone.Length == 0 ? null : PhoneNumber.Create(row.Phone);
            var person = Person.Register(
                new PersonDetails(row.Name, idNumber, certificate, row.Township, row.Village, row.Registration == "农村" ? HouseholdRegistration.Rural : HouseholdRegistration.Urban,
                    phone, row.Tags.Length == 0 ? PersonTags.None : PersonTags.SpecialistCommitteeMember),
                counties[row.CountyCode]);
            var id = data.IdOf(ProgrammeData.PersonKind, row.Index);
            ids.Add(id);
            var status = data.Status[row.Index];
            import.StartRow();
            import.Write(id, NpgsqlDbType.Uuid);
            import.Write(person.Name, NpgsqlDbType.Varchar);
            import.Write(protector.Protect(SensitiveKind.ResidentIdNumber, idNumber.Value), NpgsqlDbType.Bytea);
            import.Write(protector.Protect(SensitiveKind.CertificateNumber, certificate.Value), NpgsqlDbType.Bytea);
            import.Write(person.Category.ToString(), NpgsqlDbType.Varchar);
            import.Write(person.Level.ToString(), NpgsqlDbType.Varchar);
            import.Write(person.Sex.ToString(), NpgsqlDbType.Varchar);
            import.Write(person.BirthDate, NpgsqlDbType.Date);
            import.Write(person.CountyId, NpgsqlDbType.Uuid);
            import.Write(person.Township, NpgsqlDbType.Varchar);
            import.Write(person.Village, NpgsqlDbType.Varchar);
            import.Write(person.Registration.ToString(), NpgsqlDbType.Varchar);
            if (phone is null)
            {
                import.WriteNull();
            }
            else
            {
                import.Write(protector.Protect(SensitiveKind.Phone, phone.Value), NpgsqlDbType.Bytea);
            }

            import.Write((int)person.Tags, NpgsqlDbType.Integer);
            import.Write(status.ToString(), NpgsqlDbType.Varchar);
            if (status == PersonStatus.Active)
            {
                import.WriteNull();
            }
            else
            {
                import.Write(data.FirstMonth.AddDays(row.Index % 900), NpgsqlDbType.Date);
            }

            import.Write(protector.BlindIndex(SensitiveKind.CertificateNumber, certificate.Value), NpgsqlDbType.Bytea);
            import.Write(protector.BlindIndex(SensitiveKind.ResidentIdNumber, idNumber.Value), NpgsqlDbType.Bytea);
            if (phone is null)
            {
                import.WriteNull();
            }
            else
            {
                import.Write(protector.BlindIndex(SensitiveKind.Phone, phone.Value), NpgsqlDbType.Bytea);
            }
        }

        await import.CompleteAsync(ct);
        return ids;
    }

    private async Task CopyShopsAsync(ProgrammeData data, Dictionary<string, Guid> counties, List<Guid> personIds, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY shops (id, owner_person_id, owner_enterprise_id, platform_id, platform_shop_id, name, url, county_id, granularity, opened_on, closed_on, status, source) FROM STDIN (FORMAT BINARY)", ct);
        for (var s = 0; s < data.ShopCount; s++)
        {
            var platformShopId = string.Create(CultureInfo.InvariantCulture, $"scr-p{data.Platform[s] + 1}-s{s:D7}");
            var owner = data.OwnerPerson[s];
            import.StartRow();
            import.Write(data.IdOf(ProgrammeData.ShopKind, s), NpgsqlDbType.Uuid);
            if (owner >= 0)
            {
                import.Write(personIds[owner], NpgsqlDbType.Uuid);
                import.WriteNull();
            }
            else
            {
                import.WriteNull();
                import.Write(data.IdOf(ProgrammeData.EnterpriseKind, data.OwnerEnterprise[s]), NpgsqlDbType.Uuid);
            }

            import.Write(data.IdOf(ProgrammeData.PlatformKind, data.Platform[s]), NpgsqlDbType.Uuid);
            import.Write(platformShopId, NpgsqlDbType.Varchar);
            import.Write(owner >= 0 ? $"{data.People[owner].Name}的小店{s}" : $"企业旗舰店{s}", NpgsqlDbType.Varchar);
            import.Write($"https://shop.example.com/{platformShopId}", NpgsqlDbType.Varchar);
            import.Write(counties[data.CountyOfShop(s)], NpgsqlDbType.Uuid);
            import.Write(data.Daily[s] ? "Daily" : "Monthly", NpgsqlDbType.Varchar);
            import.Write(data.OpenedOn[s], NpgsqlDbType.Date);
            import.WriteNull();
            import.Write("Open", NpgsqlDbType.Varchar);
            import.Write(data.ByStaff[s] ? "Staff" : "Partner", NpgsqlDbType.Varchar);
        }

        await import.CompleteAsync(ct);
    }

    private readonly List<(string Drop, string Restore)> _dropped = [];

    /// <summary>
    /// The rows, by one binary COPY. The table's indexes and its foreign key are dropped for the load and rebuilt
    /// from their own definitions afterwards (<see cref="RestoreSalesConstraintsAsync"/>): maintaining three
    /// b-trees and checking the shop of each of 10 million rows would triple the load time.
    /// </summary>
    private async Task<(long Records, long DailyRecords, long YearNet, long[] PersonNet, long[] ShopGross)> CopySalesAsync(
        ProgrammeData data, Dictionary<string, Guid> counties, Guid officerId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var read = new NpgsqlCommand(
            """
            SELECT format('ALTER TABLE sales_records DROP CONSTRAINT %I', conname), format('ALTER TABLE sales_records ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid)), contype
            FROM pg_constraint WHERE conrelid = 'sales_records'::regclass AND contype IN ('p', 'u', 'f')
            UNION ALL
            SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 'i'
            FROM pg_index i WHERE i.indrelid = 'sales_records'::regclass AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
            """, connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            var rows = new List<(string, string, char)>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetChar(2)));
            }

            // Foreign keys go first and come back last; indexes come back before the constraints.
            _dropped.AddRange(rows.OrderBy(r => r.Item3 switch { 'f' => 0, 'p' => 1, 'u' => 1, _ => 2 }).Select(r => (r.Item1, r.Item2)));
        }

        foreach (var (drop, _) in _dropped)
        {
            await using var command = new NpgsqlCommand(drop, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        var personNet = new long[data.People.Count];
        var shopGross = new long[data.ShopCount];
        long records = 0, daily = 0, yearNet = 0;
        var recordedAt = DateTimeOffset.UtcNow;
        await using (var import = await connection.BeginBinaryImportAsync(
            """
            COPY sales_records (id, shop_id, county_id, platform_id, period_start, granularity, month, order_count, units, gross, refunds, net,
                                source, entered_by_id, confirmed_by_id, recorded_at) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            import.Timeout = TimeSpan.FromHours(1);
            var platformIds = Enumerable.Range(0, options.Platforms).Select(p => data.IdOf(ProgrammeData.PlatformKind, p)).ToArray();
            for (var s = 0; s < data.ShopCount; s++)
            {
                var shopId = data.IdOf(ProgrammeData.ShopKind, s);
                var countyId = counties[data.CountyOfShop(s)];
                var platformId = platformIds[data.Platform[s]];
                foreach (var row in data.RowsOf(s))
                {
                    var f = row.Figures;
                    import.StartRow();
                    import.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    import.Write(shopId, NpgsqlDbType.Uuid);
                    import.Write(countyId, NpgsqlDbType.Uuid);
                    import.Write(platformId, NpgsqlDbType.Uuid);
                    import.Write(row.PeriodStart, NpgsqlDbType.Date);
                    import.Write(row.Daily ? "Daily" : "Monthly", NpgsqlDbType.Varchar);
                    import.Write(row.Month, NpgsqlDbType.Date);
                    import.Write(f.Orders, NpgsqlDbType.Integer);
                    import.Write(f.Units, NpgsqlDbType.Integer);
                    import.Write(f.Gross, NpgsqlDbType.Numeric);
                    import.Write(f.Refunds, NpgsqlDbType.Numeric);
                    import.Write(f.Gross - f.Refunds, NpgsqlDbType.Numeric);
                    if (row.ByStaff)
                    {
                        import.Write("Staff", NpgsqlDbType.Varchar);
                        import.Write(officerId, NpgsqlDbType.Uuid);
                        if (row.Confirmed)
                        {
                            import.Write(officerId, NpgsqlDbType.Uuid);
                        }
                        else
                        {
                            import.WriteNull();
                        }
                    }
                    else
                    {
                        import.Write("Partner", NpgsqlDbType.Varchar);
                        import.WriteNull();
                        import.WriteNull();
                    }

                    import.Write(recordedAt, NpgsqlDbType.TimestampTz);
                    data.Count(row, personNet, ref yearNet);
                    shopGross[s] += f.GrossFen;
                    records++;
                    daily += row.Daily ? 1 : 0;
                }
            }

            await import.CompleteAsync(ct);
        }

        return (records, daily, yearNet, personNet, shopGross);
    }

    /// <summary>The bench shops' month roll-ups, summed from their rows as the API's writer keeps them; county months add to what is there (the demo data's).</summary>
    private async Task RollUpAsync(ProgrammeData data, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var memory = new NpgsqlCommand("SET work_mem = '512MB'", connection))
        {
            await memory.ExecuteNonQueryAsync(ct);
        }

        await using (var shops = new NpgsqlCommand(
            """
            INSERT INTO shop_month_sales (shop_id, month, county_id, platform_id, order_count, units, gross, refunds, net, counted_net)
            SELECT shop_id, month, county_id, platform_id, sum(order_count), sum(units), sum(gross), sum(refunds), sum(net),
                   sum(CASE WHEN source = 'Partner' OR confirmed_by_id IS NOT NULL THEN net ELSE 0 END)
            FROM sales_records WHERE platform_id = ANY($1)
            GROUP BY shop_id, month, county_id, platform_id
            """, connection) { CommandTimeout = 0 })
        {
            shops.Parameters.AddWithValue(Enumerable.Range(0, options.Platforms).Select(p => data.IdOf(ProgrammeData.PlatformKind, p)).ToArray());
            await shops.ExecuteNonQueryAsync(ct);
        }

        await using var counties = new NpgsqlCommand(
            """
            INSERT INTO county_month_sales (county_id, month, order_count, units, gross, refunds, net, counted_net)
            SELECT county_id, month, sum(order_count), sum(units), sum(gross), sum(refunds), sum(net), sum(counted_net)
            FROM shop_month_sales WHERE platform_id = ANY($1)
            GROUP BY county_id, month
            ON CONFLICT (county_id, month) DO UPDATE SET
                order_count = county_month_sales.order_count + excluded.order_count, units = county_month_sales.units + excluded.units,
                gross = county_month_sales.gross + excluded.gross, refunds = county_month_sales.refunds + excluded.refunds,
                net = county_month_sales.net + excluded.net, counted_net = county_month_sales.counted_net + excluded.counted_net
            """, connection) { CommandTimeout = 0 };
        counties.Parameters.AddWithValue(Enumerable.Range(0, options.Platforms).Select(p => data.IdOf(ProgrammeData.PlatformKind, p)).ToArray());
        await counties.ExecuteNonQueryAsync(ct);

        // A schema with the owners' year roll-up (proposed in docs/benchmarks.md, scenario 2) gets it filled the same way.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('owner_year_sales') IS NOT NULL", connection))
        {
            _hasOwnerYearRollup = (bool)(await exists.ExecuteScalarAsync(ct))!;
        }

        if (_hasOwnerYearRollup)
        {
            await using var owners = new NpgsqlCommand(
                """
                INSERT INTO owner_year_sales AS y (owner_id, year, net, counted_net)
                SELECT coalesce(s.owner_person_id, s.owner_enterprise_id), extract(year FROM m.month)::int, sum(m.net), sum(m.counted_net)
                FROM shop_month_sales m JOIN shops s ON s.id = m.shop_id
                WHERE m.platform_id = ANY($1)
                GROUP BY 1, 2
                ON CONFLICT (owner_id, year) DO UPDATE SET net = y.net + excluded.net, counted_net = y.counted_net + excluded.counted_net
                """, connection) { CommandTimeout = 0 };
            owners.Parameters.AddWithValue(Enumerable.Range(0, options.Platforms).Select(p => data.IdOf(ProgrammeData.PlatformKind, p)).ToArray());
            await owners.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task RestoreSalesConstraintsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '1GB'", connection))
        {
            await memory.ExecuteNonQueryAsync(ct);
        }

        foreach (var (_, restore) in Enumerable.Reverse(_dropped))
        {
            await using var command = new NpgsqlCommand(restore, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Which qualifying people get an application, and in which state (see <see cref="AddApplicationsAsync"/>).</summary>
    private (Dictionary<BenefitState, int> Counts, List<int> Sampled) PlanApplications(List<Guid> personIds, List<int> qualifying)
    {
        var counts = new Dictionary<BenefitState, int>();
        var sampled = qualifying.Where((_, i) => i % 8 == 3).ToList();
        for (var i = 0; i < sampled.Count; i++)
        {
            var state = ApplicationStates[i % ApplicationStates.Length];
            counts[state] = counts.GetValueOrDefault(state) + 1;
            _applicationOf[personIds[sampled[i]]] = state;
            if (state is not (BenefitState.Rejected or BenefitState.Withdrawn))
            {
                _excludedPeople.Add(sampled[i]);
            }
        }

        return (counts, sampled);
    }

    /// <summary>
    /// Applications of the award for every 8th qualifying person (in index order), the states in turn: draft,
    /// submitted, public notice, approved and paid leave the person out of the screening; rejected and withdrawn do not.
    /// </summary>
    private async Task<Dictionary<BenefitState, int>> AddApplicationsAsync(
        ProgrammeData data, Dictionary<string, Guid> counties, List<Guid> personIds, List<int> qualifying, Guid officerId, DateOnly today, CancellationToken ct)
    {
        var (counts, sampled) = PlanApplications(personIds, qualifying);
        if (sampled.Count == 0)
        {
            return counts;
        }

        var now = DateTimeOffset.UtcNow;
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var benefits = await connection.BeginBinaryImportAsync(
            """
            COPY benefits (id, type, county_id, person_id, one_time_key, state, is_finally_approved, created_by_id, created_at, submitted_by_id, submitted_at,
                           approved_by_id, paid_by_id, payment_date, payment_voucher, notice_starts_on, notice_ends_on) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var i = 0; i < sampled.Count; i++)
            {
                var person = sampled[i];
                var state = ApplicationStates[i % ApplicationStates.Length];
                var final = state is BenefitState.Approved or BenefitState.Paid;
                var submitted = state != BenefitState.Draft;
                benefits.StartRow();
                benefits.Write(data.IdOf(ProgrammeData.BenefitKind, i), NpgsqlDbType.Uuid);
                benefits.Write(nameof(BenefitType.DemonstrationHouseholdAward), NpgsqlDbType.Varchar);
                benefits.Write(counties[data.People[person].CountyCode], NpgsqlDbType.Uuid);
                benefits.Write(personIds[person], NpgsqlDbType.Uuid);
                benefits.Write(personIds[person].ToString("N"), NpgsqlDbType.Varchar);
                benefits.Write(state.ToString(), NpgsqlDbType.Varchar);
                benefits.Write(final, NpgsqlDbType.Boolean);
                benefits.Write(officerId, NpgsqlDbType.Uuid);
                benefits.Write(now.AddDays(-30), NpgsqlDbType.TimestampTz);
                WriteOrNull(benefits, submitted ? officerId : null);
                WriteOrNull(benefits, submitted ? now.AddDays(-28) : null);
                WriteOrNull(benefits, final ? officerId : null);
                WriteOrNull(benefits, state == BenefitState.Paid ? officerId : null);
                WriteOrNull(benefits, state == BenefitState.Paid ? today.AddDays(-3) : null);
                WriteOrNull(benefits, state == BenefitState.Paid ? string.Create(CultureInfo.InvariantCulture, $"BENCH-{i:D5}") : null);
                var noticed = state is BenefitState.PublicNotice or BenefitState.Approved or BenefitState.Paid;
                WriteOrNull(benefits, noticed ? today.AddDays(-20) : null);
                WriteOrNull(benefits, noticed ? today.AddDays(-13) : null);
            }

            await benefits.CompleteAsync(ct);
        }

        await using (var applications = await connection.BeginBinaryImportAsync(
            "COPY award_applications (id, type, beneficiary_kind, beneficiary_id, person_id, county_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < sampled.Count; i++)
            {
                var person = sampled[i];
                applications.StartRow();
                applications.Write(data.IdOf(ProgrammeData.BenefitKind, i), NpgsqlDbType.Uuid);
                applications.Write(nameof(BenefitType.DemonstrationHouseholdAward), NpgsqlDbType.Varchar);
                applications.Write("Person", NpgsqlDbType.Varchar);
                applications.Write(personIds[person], NpgsqlDbType.Uuid);
                applications.Write(personIds[person], NpgsqlDbType.Uuid);
                applications.Write(counties[data.People[person].CountyCode], NpgsqlDbType.Uuid);
            }

            await applications.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return counts;
    }

    private static void WriteOrNull(NpgsqlBinaryImporter import, object? value)
    {
        switch (value)
        {
            case null:
                import.WriteNull();
                break;
            case Guid g:
                import.Write(g, NpgsqlDbType.Uuid);
                break;
            case DateTimeOffset t:
                import.Write(t, NpgsqlDbType.TimestampTz);
                break;
            case DateOnly d:
                import.Write(d, NpgsqlDbType.Date);
                break;
            case string text:
                import.Write(text, NpgsqlDbType.Varchar);
                break;
            default:
                throw new ArgumentException($"No column type for {value.GetType()}.", nameof(value));
        }
    }
}
