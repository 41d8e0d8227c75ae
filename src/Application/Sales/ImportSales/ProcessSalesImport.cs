using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Importing;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Importing;
using Sunshine.Domain.Sales;
using Sunshine.Domain.Shops;

namespace Sunshine.Application.Sales.ImportSales;

/// <summary>
/// Checks every row of a sales file and, when allowed, writes the valid rows as staff-entered
/// figures (awaiting another officer's confirmation) in one transaction with one audit row, through
/// the same writer as every sales write (history and roll-ups included). Shops outside the
/// officer's county are not found. Run by the background worker as the officer who started it.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record ProcessSalesImportCommand(Guid ImportId, byte[] Content) : ICommand<ImportJobDto>;

public sealed class ProcessSalesImportHandler(
    IApplicationDbContext db,
    ICurrentUser user,
    IImportFiles files,
    IImportProgress progress,
    ISalesWriter writer,
    IAuditTrail audit,
    TimeProvider clock) : ICommandHandler<ProcessSalesImportCommand, ImportJobDto>
{
    private const int ProgressEvery = 1_000;

    public async ValueTask<ImportJobDto> Handle(ProcessSalesImportCommand command, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == command.ImportId && j.Kind == ImportKind.Sales, cancellationToken)
            ?? throw new NotFoundException("import", command.ImportId);
        var table = files.Read(command.Content, job.Format);
        if (table.Rows.Count > ImportJob.MaxRows)
        {
            throw new DomainException("import.too_many_rows", $"A file holds at most {ImportJob.MaxRows} rows.", field: "file");
        }

        var columns = SalesImportColumns.Set.Map(table.Headers);
        var rows = table.Rows.Select(cells => new SalesRow(
            ImportColumnSet.Cell(cells, columns, "platform"), ImportColumnSet.Cell(cells, columns, "platformShopId"), ImportColumnSet.Cell(cells, columns, "period"),
            ImportColumnSet.Cell(cells, columns, "orderCount"), ImportColumnSet.Cell(cells, columns, "units"),
            ImportColumnSet.Cell(cells, columns, "grossAmount"), ImportColumnSet.Cell(cells, columns, "refunds"))).ToList();
        var platforms = await PlatformsAsync(cancellationToken);
        var shops = await ShopsAsync(rows, platforms, cancellationToken);
        var today = clock.Today();
        var officer = user.Id ?? throw new NotAuthenticatedException();
        var rejections = new List<ImportRejection>();
        var writes = new List<SalesWrite>();
        var seen = new HashSet<(Guid, DateOnly)>();

        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2; // the header is row 1
            var before = rejections.Count;
            var write = Check(rows[i], rowNumber, platforms, shops, today, officer, rejections);
            if (write is not null && !seen.Add((write.ShopId, write.Period.Start)))
            {
                rejections.Add(new(rowNumber, "period", "import.period_repeated", "The shop and period repeat an earlier row of the file."));
            }
            else if (write is not null && rejections.Count == before)
            {
                writes.Add(write);
            }

            if ((i + 1) % ProgressEvery == 0)
            {
                await progress.ReportAsync(job.Id, i + 1, rows.Count, cancellationToken);
            }
        }

        // Progress reports updated the row (and its version) meanwhile: start the outcome from the current row.
        await db.Entry(job).ReloadAsync(cancellationToken);
        if (job.Checked(rows.Count, writes.Count, rejections))
        {
            var outcomes = await writer.UpsertAsync(writes, clock.GetUtcNow(), cancellationToken);
            var changed = outcomes.Count(o => o != SalesWriteOutcome.Unchanged);
            audit.Record("SalesImport", job.Id.ToString(), new
            {
                operation = "imported",
                file = job.FileName,
                rows = rows.Count,
                created = outcomes.Count(o => o == SalesWriteOutcome.Created),
                updated = outcomes.Count(o => o == SalesWriteOutcome.Updated),
                unchanged = outcomes.Count(o => o == SalesWriteOutcome.Unchanged),
                rejected = job.RejectedRows,
                keys = writes.Select(w => $"{w.ShopId}/{w.Period}"),
            });
            job.Complete(changed, clock.GetUtcNow());
        }
        else
        {
            job.Complete(0, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return job.ToDto();
    }

    private static SalesWrite? Check(
        SalesRow row, int rowNumber, Dictionary<string, Guid> platforms, Dictionary<(Guid, string), Shop> shops, DateOnly today, Guid officer, List<ImportRejection> rejections)
    {
        Shop? shop = null;
        if (row.Platform is null || !platforms.TryGetValue(row.Platform, out var platform))
        {
            rejections.Add(new(rowNumber, "platform", "import.platform_unknown", "The platform is not a registered partner platform (give its name or credit code)."));
        }
        else if (row.PlatformShopId is null || !shops.TryGetValue((platform, row.PlatformShopId), out shop))
        {
            rejections.Add(new(rowNumber, "platformShopId", "shop.not_found", "The platform has no shop with this id in your scope."));
        }

        var orders = Count(row.OrderCount, "orderCount", rowNumber, rejections);
        var units = Count(row.Units, "units", rowNumber, rejections);
        var gross = Amount(row.GrossAmount, "grossAmount", rowNumber, rejections, required: true);
        var refunds = Amount(row.Refunds, "refunds", rowNumber, rejections, required: false);
        var period = Rule(() => shop is null ? SalesPeriod.Parse(row.Period, today) : PeriodFor(shop, row.Period, today), rowNumber, rejections);
        if (shop is null || period is null || orders is null || units is null || gross is null || refunds is null)
        {
            return null;
        }

        var figures = Rule(() =>
        {
            shop.EnsureAccepts(period, "period");
            return new SalesFigures(orders.Value, units.Value, gross.Value, refunds.Value);
        }, rowNumber, rejections);
        return figures is null ? null : new SalesWrite(shop.Id, shop.CountyId, shop.PlatformId, period, figures, RecordSource.Staff, officer);
    }

    /// <summary>A monthly shop's period typed in Excel often arrives as the month's first day: read it as the month.</summary>
    private static SalesPeriod PeriodFor(Shop shop, string? text, DateOnly today)
    {
        var period = SalesPeriod.Parse(text, today);
        return shop.Granularity == ReportingGranularity.Monthly && period.Granularity == ReportingGranularity.Daily && period.Start.Day == 1
            ? SalesPeriod.MonthOf(period.Start.Year, period.Start.Month)
            : period;
    }

    private static int? Count(string? text, string field, int row, List<ImportRejection> rejections)
    {
        if (int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= SalesFigures.MaxCount)
        {
            return value;
        }

        rejections.Add(new(row, field, "import.count_invalid", "A whole number from 0 is needed."));
        return null;
    }

    private static Money? Amount(string? text, string field, int row, List<ImportRejection> rejections, bool required)
    {
        if (text is null && !required)
        {
            return Money.Zero;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan))
        {
            rejections.Add(new(row, field, "import.amount_invalid", "An amount in yuan is needed, e.g. 1234.50."));
            return null;
        }

        return Rule(() => Money.FromYuan(yuan, field), row, rejections);
    }

    /// <summary>Runs a domain rule; a broken rule becomes the row's rejection under the rule's field.</summary>
    private static T? Rule<T>(Func<T> rule, int row, List<ImportRejection> rejections)
        where T : class
    {
        try
        {
            return rule();
        }
        catch (DomainException ex)
        {
            rejections.Add(new(row, ex.Field ?? "row", ex.Code, ex.Message));
            return null;
        }
    }

    private static Money? Rule(Func<Money> rule, int row, List<ImportRejection> rejections)
    {
        try
        {
            return rule();
        }
        catch (DomainException ex)
        {
            rejections.Add(new(row, ex.Field ?? "row", ex.Code, ex.Message));
            return null;
        }
    }

    /// <summary>Partner platforms by name and by credit code.</summary>
    private async Task<Dictionary<string, Guid>> PlatformsAsync(CancellationToken cancellationToken)
    {
        var platforms = await db.Enterprises.AsNoTracking().ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var platform in platforms.Where(p => p.IsPartnerPlatform))
        {
            byKey[platform.Name] = platform.Id;
            byKey[platform.CreditCode.Value] = platform.Id;
        }

        return byKey;
    }

    /// <summary>The shops the file names, in the officer's scope (the county filter leaves out others').</summary>
    private async Task<Dictionary<(Guid, string), Shop>> ShopsAsync(List<SalesRow> rows, Dictionary<string, Guid> platforms, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.PlatformShopId is not null).Select(r => r.PlatformShopId!).Distinct().ToList();
        var platformIds = platforms.Values.Distinct().ToList();
        var found = new Dictionary<(Guid, string), Shop>();
        foreach (var chunk in ids.Chunk(5_000))
        {
            var list = chunk.ToList();
            foreach (var shop in await db.Shops.AsNoTracking().Where(s => list.Contains(s.PlatformShopId) && platformIds.Contains(s.PlatformId)).ToListAsync(cancellationToken))
            {
                found[(shop.PlatformId, shop.PlatformShopId)] = shop;
            }
        }

        return found;
    }

    private sealed record SalesRow(string? Platform, string? PlatformShopId, string? Period, string? OrderCount, string? Units, string? GrossAmount, string? Refunds);
}
