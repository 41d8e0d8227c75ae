using Npgsql;
using NpgsqlTypes;
using Sunshine.Application.Statistics;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Training;

namespace Sunshine.Infrastructure.Persistence;

/// <summary>
/// The indicators' facts in three batches side by side, each one round trip on its own pooled connection: training,
/// shops and sales; awards, payments, employment and recruits; households, leaders, incubation, events and services.
/// A statement per group of facts, added only when the table needs it. The statements read every row of the counties
/// asked for, whoever asks: the handlers have already limited the counties to the caller's scope (the query filters of
/// the context are that same scope, so they add nothing here). Enumerations are stored by name and sent as parameters.
/// The functional tests check every indicator against a fixture with known answers, and the leaders and trained people
/// against the awards and training pages' own reads.
/// </summary>
public sealed class IndicatorFactsReader(NpgsqlDataSource dataSource) : IIndicatorFactsReader
{
    private static readonly string[] ApprovalStates = [nameof(BenefitState.Approved), nameof(BenefitState.Recognised)];

    public async Task<IndicatorFacts> ReadAsync(IndicatorFactsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = new IndicatorFacts();
        var ids = request.CountyIds.ToArray();
        var lanes = new[]
        {
            TrainingShopsSales(request, ids, facts),
            AwardsEmployment(request, ids, facts),
            HouseholdsLeadersEvents(request, ids, facts),
        };
        await Task.WhenAll(lanes.Where(l => l.Count > 0).Select(l => RunAsync(l, cancellationToken)));
        return facts;
    }

    private static Lane TrainingShopsSales(IndicatorFactsRequest r, Guid[] ids, IndicatorFacts facts)
    {
        var lane = new Lane();
        if (r.Groups.HasFlag(IndicatorFactGroups.CompletedEnrolments))
        {
            lane.Add(
                """
                SELECT DISTINCT kind, county_id, person_id, household_id, name FROM enrolments
                WHERE status = $1 AND completed_on >= $2 AND completed_on <= $3 AND county_id = ANY($4)
                """,
                [Text(nameof(EnrolmentStatus.Completed)), Date(r.From), Date(r.To), Ids(ids)],
                reader => facts.CompletedEnrolments.Add(new(
                    Enum.Parse<EnrolmentKind>(reader.GetString(0)), reader.GetGuid(1), NullableGuid(reader, 2), NullableGuid(reader, 3), reader.GetString(4))));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.ShopCounts))
        {
            // Running totals to a day: its whole months from county_shop_months, the days of its own month from county_shop_days.
            var before = r.From.AddDays(-1);
            var beforeMonth = new DateOnly(before.Year, before.Month, 1);
            var toMonth = new DateOnly(r.To.Year, r.To.Month, 1);
            lane.Add(
                """
                SELECT county_id, sum(opened_to)::int, sum(closed_to)::int, sum(opened_before)::int FROM (
                    SELECT county_id, sum(opened) AS opened_to, sum(closed) AS closed_to,
                           sum(CASE WHEN month < $3 THEN opened ELSE 0 END) AS opened_before
                    FROM county_shop_months WHERE county_id = ANY($1) AND month < $2 GROUP BY county_id
                    UNION ALL
                    SELECT county_id,
                           sum(CASE WHEN day >= $2 AND day <= $4 THEN opened ELSE 0 END),
                           sum(CASE WHEN day >= $2 AND day <= $4 THEN closed ELSE 0 END),
                           sum(CASE WHEN day >= $3 AND day <= $5 THEN opened ELSE 0 END)
                    FROM county_shop_days
                    WHERE county_id = ANY($1) AND ((day >= $2 AND day <= $4) OR (day >= $3 AND day <= $5)) GROUP BY county_id
                ) totals GROUP BY county_id
                """,
                [Ids(ids), Date(toMonth), Date(beforeMonth), Date(r.To), Date(before)],
                reader => facts.ShopCounts.Add(new(reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3))));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.Sales) && r.SalesMonths is var (first, last))
        {
            lane.Add(
                """
                SELECT county_id, sum(order_count)::bigint, sum(counted_net) FROM county_month_sales
                WHERE county_id = ANY($1) AND month >= $2 AND month <= $3 GROUP BY county_id
                """,
                [Ids(ids), Date(first), Date(last)],
                reader => facts.Sales.Add(new(reader.GetGuid(0), reader.GetInt64(1), reader.GetDecimal(2))));
        }

        return lane;
    }

    private static Lane AwardsEmployment(IndicatorFactsRequest r, Guid[] ids, IndicatorFacts facts)
    {
        var lane = new Lane();
        if (r.Groups.HasFlag(IndicatorFactGroups.AwardsApproved))
        {
            lane.Add(
                """
                SELECT b.type, b.county_id, coalesce((b.decision ->> 'amount')::numeric, 0) FROM benefits b
                WHERE b.type = ANY($1) AND b.is_finally_approved AND b.county_id = ANY($2)
                  AND EXISTS (SELECT 1 FROM benefit_transitions t
                              WHERE t.benefit_id = b.id AND t."to" = ANY($3) AND t.at >= $4 AND t.at < $5)
                """,
                [Texts(Domain.Statistics.Indicators.AwardTypes.Select(a => a.Type.ToString())), Ids(ids), Texts(ApprovalStates), Instant(r.Start), Instant(r.End)],
                reader => facts.AwardsApproved.Add(new(Enum.Parse<BenefitType>(reader.GetString(0)), reader.GetGuid(1), reader.GetDecimal(2))));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.Payments))
        {
            lane.Add(
                """
                SELECT benefit_type, county_id, sum(amount) FROM fund_payments
                WHERE county_id = ANY($1) AND payment_date >= $2 AND payment_date <= $3
                GROUP BY benefit_type, county_id, benefit_id
                """,
                [Ids(ids), Date(r.From), Date(r.To)],
                reader => facts.Payments.Add(new(Enum.Parse<BenefitType>(reader.GetString(0)), reader.GetGuid(1), reader.GetDecimal(2))));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.Employed))
        {
            lane.Add(
                "SELECT DISTINCT county_id, person_id FROM employment_records WHERE start_date <= $2 AND (end_date IS NULL OR end_date >= $1) AND county_id = ANY($3)",
                [Date(r.From), Date(r.To), Ids(ids)],
                reader => facts.Employed.Add(new(reader.GetGuid(0), reader.GetGuid(1))));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.StationRecruits))
        {
            lane.Add(
                """
                SELECT DISTINCT s.county_id, r.person_id FROM service_stations s JOIN station_recruits r ON r.station_id = s.id
                WHERE s.county_id = ANY($1) AND r.start_date <= $2
                """,
                [Ids(ids), Date(r.To)],
                reader => facts.StationRecruits.Add(new(reader.GetGuid(0), reader.GetGuid(1))));
        }

        return lane;
    }

    private static Lane HouseholdsLeadersEvents(IndicatorFactsRequest r, Guid[] ids, IndicatorFacts facts)
    {
        var lane = new Lane();
        if (r.Groups.HasFlag(IndicatorFactGroups.Households))
        {
            // No whole month in the period: no month matches (first after last).
            var (first, last) = r.SalesMonths ?? (DateOnly.MaxValue, DateOnly.MinValue);
            lane.Add(
                """
                SELECT h.id, h.county_id, h.poverty_exit_date, h.baseline_year, h.baseline_per_capita_income,
                       EXISTS (SELECT 1 FROM benefit_links l
                               WHERE l.household_id = h.id AND l.start_date <= $3 AND (l.end_date IS NULL OR l.end_date >= $2)),
                       EXISTS (SELECT 1 FROM household_members m JOIN employment_records e ON e.person_id = m.person_id
                               WHERE m.household_id = h.id AND e.start_date <= $3 AND (e.end_date IS NULL OR e.end_date >= $2)),
                       EXISTS (SELECT 1 FROM household_members m JOIN shops s ON s.owner_person_id = m.person_id
                               WHERE m.household_id = h.id
                                 AND EXISTS (SELECT 1 FROM shop_month_sales x
                                             WHERE x.shop_id = s.id AND x.month >= $4 AND x.month <= $5 AND x.order_count > 0))
                FROM households h WHERE h.is_registered_poor AND h.county_id = ANY($1)
                """,
                [Ids(ids), Date(r.From), Date(r.To), Date(first), Date(last)],
                reader => facts.Households.Add(new(
                    reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                    reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                    reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7))));
            lane.Add(
                """
                SELECT h.id, i.year, i.per_capita_income FROM households h JOIN household_income_records i ON i.household_id = h.id
                WHERE h.is_registered_poor AND h.baseline_year IS NOT NULL AND h.county_id = ANY($1) AND i.year <= $2 AND i.year > h.baseline_year
                """,
                [Ids(ids), new NpgsqlParameter { Value = r.To.Year, NpgsqlDbType = NpgsqlDbType.Integer }],
                reader => facts.HouseholdIncomes.Add(new(reader.GetGuid(0), reader.GetInt32(1), reader.GetDecimal(2))));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.ProsperityLeaders))
        {
            // The definition of ProsperityLeaderCounts: the holders first (a few hundred award rows), then their people by key.
            lane.Add(
                """
                WITH held AS (
                    SELECT b.id, b.type, b.person_id FROM benefits b
                    WHERE b.is_finally_approved AND b.type = ANY($2)
                      AND EXISTS (SELECT 1 FROM benefit_transitions t WHERE t.benefit_id = b.id AND t."to" = ANY($3) AND t.at < $1)),
                holders AS (
                    SELECT person_id FROM held WHERE type = $4
                    UNION
                    SELECT s.operator_person_id FROM held b
                    JOIN award_applications a ON a.id = b.id JOIN sunshine_bases s ON s.id = a.base_id
                    WHERE b.type = $5 AND s.operator_person_id IS NOT NULL)
                SELECT p.county_id, count(*)::int FROM persons p JOIN holders h ON h.person_id = p.id
                WHERE p.registration = $6 AND p.county_id = ANY($7) GROUP BY p.county_id
                """,
                [
                    Instant(r.End), Texts([nameof(BenefitType.DemonstrationHouseholdAward), nameof(BenefitType.DemonstrationBaseAward)]), Texts(ApprovalStates),
                    Text(nameof(BenefitType.DemonstrationHouseholdAward)), Text(nameof(BenefitType.DemonstrationBaseAward)),
                    Text(nameof(HouseholdRegistration.Rural)), Ids(ids),
                ],
                reader => facts.ProsperityLeaders[reader.GetGuid(0)] = reader.GetInt32(1));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.Incubatees))
        {
            lane.Add(
                "SELECT DISTINCT county_id, person_id FROM incubations WHERE start_date <= $2 AND (end_date IS NULL OR end_date >= $1) AND county_id = ANY($3)",
                [Date(r.From), Date(r.To), Ids(ids)],
                reader => facts.Incubatees.Add(new(reader.GetGuid(0), reader.GetGuid(1))));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.EventSales))
        {
            lane.Add(
                "SELECT county_id, sales_amount FROM exhibitions WHERE end_date >= $1 AND end_date <= $2 AND (county_id IS NULL OR county_id = ANY($3))",
                [Date(r.From), Date(r.To), Ids(ids)],
                reader => facts.EventSales.Add(new(NullableGuid(reader, 0), reader.GetDecimal(1))));
        }

        if (r.Groups.HasFlag(IndicatorFactGroups.ServiceRecipients))
        {
            lane.Add(
                "SELECT DISTINCT county_id, household_id, base_id, person_id FROM operation_services WHERE served_on >= $1 AND served_on <= $2 AND county_id = ANY($3)",
                [Date(r.From), Date(r.To), Ids(ids)],
                reader => facts.ServiceRecipients.Add(new(reader.GetGuid(0), NullableGuid(reader, 1), NullableGuid(reader, 2), NullableGuid(reader, 3))));
        }

        return lane;
    }

    /// <summary>A lane's statements as one batch (one round trip); each result is read by its statement's reader, in order.</summary>
    private async Task RunAsync(Lane lane, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (sql, parameters, _) in lane.Statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(parameters);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var index = 0;
        do
        {
            var read = lane.Statements[index++].Read;
            while (await reader.ReadAsync(cancellationToken))
            {
                read(reader);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
    }

    private static NpgsqlParameter Ids(Guid[] ids) => new() { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    private static NpgsqlParameter Date(DateOnly date) => new() { Value = date, NpgsqlDbType = NpgsqlDbType.Date };

    private static NpgsqlParameter Instant(DateTimeOffset instant) => new() { Value = instant.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Varchar };

    private static NpgsqlParameter Texts(IEnumerable<string> values) => new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar };

    private static Guid? NullableGuid(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    private sealed class Lane
    {
        public List<(string Sql, NpgsqlParameter[] Parameters, Action<NpgsqlDataReader> Read)> Statements { get; } = [];

        public int Count => Statements.Count;

        public void Add(string sql, NpgsqlParameter[] parameters, Action<NpgsqlDataReader> read) => Statements.Add((sql, parameters, read));
    }
}
