using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Common.Validation;
using Sunshine.Application.Importing;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Importing;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.ImportPersons;

/// <summary>
/// Checks every row of an import file and, when allowed, registers the valid rows in one
/// transaction with one audit row for the batch (its counts and the people it created). Run by the
/// background worker as the officer who started the import.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record ProcessPersonImportCommand(Guid ImportId, byte[] Content) : ICommand<ImportJobDto>;

public sealed class ProcessPersonImportHandler(
    IApplicationDbContext db,
    ICurrentUser user,
    ISensitiveDataProtector protector,
    IImportFiles files,
    IImportProgress progress,
    IAuditTrail audit,
    TimeProvider clock) : ICommandHandler<ProcessPersonImportCommand, ImportJobDto>
{
    private const int ProgressEvery = 500;

    public async ValueTask<ImportJobDto> Handle(ProcessPersonImportCommand command, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == command.ImportId && j.Kind == ImportKind.Persons, cancellationToken)
            ?? throw new NotFoundException("import", command.ImportId);
        var table = files.Read(command.Content, job.Format);
        if (table.Rows.Count > ImportJob.MaxRows)
        {
            throw new DomainException("import.too_many_rows", $"A file holds at most {ImportJob.MaxRows} rows.", field: "file");
        }

        var columns = PersonImportColumns.Set.Map(table.Headers);
        var counties = await CountiesAsync(cancellationToken);
        var today = clock.Today();
        var validator = new PersonInputValidator(clock);
        var rejections = new List<ImportRejection>();
        var candidates = new List<(int Row, PersonDetails Details, Guid CountyId)>();

        for (var i = 0; i < table.Rows.Count; i++)
        {
            var rowNumber = i + 2; // the header is row 1
            var row = ImportRow.From(table.Rows[i], columns);
            var before = rejections.Count;
            var countyId = ResolveCounty(row.County, counties, rowNumber, rejections);
            var registration = PersonImportColumns.Registration(row.Registration);
            if (registration is null)
            {
                rejections.Add(new(rowNumber, "registration", "import.registration_unknown", "Household registration is 农村 (rural) or 城镇 (urban)."));
            }

            var tags = PersonImportColumns.Tags(row.Tags);
            if (tags is null)
            {
                rejections.Add(new(rowNumber, "tags", "person.tag_unknown", "Tags are 专职委员, 大学生 or 中高职学生."));
            }

            var input = new ImportedPerson(row.Name ?? string.Empty, row.IdNumber ?? string.Empty, row.CertificateNumber ?? string.Empty,
                countyId ?? Guid.Empty, row.Township, row.Village, registration ?? HouseholdRegistration.Rural, row.Phone, tags ?? []);
            foreach (var failure in (await validator.ValidateAsync(input, cancellationToken)).Errors.Where(f => f.PropertyName != nameof(IPersonInput.CountyId)))
            {
                rejections.Add(new(rowNumber, FieldNames.ToJsonPath(failure.PropertyName), ErrorCodes.Normalise(failure.ErrorCode), failure.ErrorMessage));
            }

            if (rejections.Count == before)
            {
                candidates.Add((rowNumber, input.ToDetails(today), countyId!.Value));
            }

            if ((i + 1) % ProgressEvery == 0)
            {
                await progress.ReportAsync(job.Id, i + 1, table.Rows.Count, cancellationToken);
            }
        }

        var valid = await RejectDuplicatesAsync(candidates, rejections, cancellationToken);

        // Progress reports updated the row (and its version) meanwhile: start the outcome from the current row.
        await db.Entry(job).ReloadAsync(cancellationToken);
        if (job.Checked(table.Rows.Count, valid.Count, rejections))
        {
            audit.SummariseEntityChanges = true;
            var persons = valid.Select(v => Person.Register(v.Details, v.CountyId)).ToList();
            db.Persons.AddRange(persons);
            audit.Record("PersonImport", job.Id.ToString(), new
            {
                operation = "imported",
                file = job.FileName,
                rows = table.Rows.Count,
                created = persons.Count,
                rejected = job.RejectedRows,
                personIds = persons.Select(p => p.Id),
            });
            job.Complete(persons.Count, clock.GetUtcNow());
        }
        else
        {
            job.Complete(0, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return job.ToDto();
    }

    private async Task<Dictionary<string, Guid>> CountiesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => r.ParentId != null && r.IsActive).ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in regions)
        {
            byKey[region.Code.Value] = region.Id;
            byKey[region.Name] = region.Id;
        }

        return byKey;
    }

    private Guid? ResolveCounty(string? value, Dictionary<string, Guid> counties, int row, List<ImportRejection> rejections)
    {
        if (string.IsNullOrWhiteSpace(value) || !counties.TryGetValue(value.Trim(), out var county))
        {
            rejections.Add(new(row, "county", "county.invalid", "The county is not an active county-level region (give its code or name)."));
            return null;
        }

        if (user.IsCountyBound && user.CountyId != county)
        {
            rejections.Add(new(row, "county", "scope.county_not_allowed", "You may only import people of your own county."));
            return null;
        }

        return county;
    }

    /// <summary>Rejects rows whose ID or certificate number repeats an earlier row or a registered person.</summary>
    private async Task<List<(int Row, PersonDetails Details, Guid CountyId)>> RejectDuplicatesAsync(
        List<(int Row, PersonDetails Details, Guid CountyId)> candidates,
        List<ImportRejection> rejections,
        CancellationToken cancellationToken)
    {
        var idIndexes = candidates.Select(c => protector.BlindIndex(SensitiveKind.ResidentIdNumber, c.Details.IdNumber.Value)).ToList();
        var certificateIndexes = candidates.Select(c => protector.BlindIndex(SensitiveKind.CertificateNumber, c.Details.CertificateNumber.Value)).ToList();
        var registeredIds = await ExistingAsync(SensitiveColumns.IdNumberIndex, idIndexes, cancellationToken);
        var registeredCertificates = await ExistingAsync(SensitiveColumns.CertificateNumberIndex, certificateIndexes, cancellationToken);

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var seenCertificates = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<(int Row, PersonDetails Details, Guid CountyId)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var idKey = Convert.ToHexString(idIndexes[i]);
            var certificateKey = Convert.ToHexString(certificateIndexes[i]);
            if (registeredIds.Contains(idKey))
            {
                rejections.Add(new(candidate.Row, "idNumber", "person.id_number_taken", "A person with this ID number is already registered."));
            }
            else if (!seenIds.Add(idKey))
            {
                rejections.Add(new(candidate.Row, "idNumber", "import.id_number_repeated", "The ID number repeats an earlier row of the file."));
            }
            else if (registeredCertificates.Contains(certificateKey))
            {
                rejections.Add(new(candidate.Row, "certificateNumber", "person.certificate_number_taken", "A person with this certificate number is already registered."));
            }
            else if (!seenCertificates.Add(certificateKey))
            {
                rejections.Add(new(candidate.Row, "certificateNumber", "import.certificate_number_repeated", "The certificate number repeats an earlier row of the file."));
            }
            else
            {
                valid.Add(candidate);
            }
        }

        return valid;
    }

    private async Task<HashSet<string>> ExistingAsync(string indexColumn, List<byte[]> indexes, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in indexes.Chunk(5_000))
        {
            var list = chunk.ToList();
            var existing = await db.Persons.IgnoreQueryFilters()
                .Where(p => list.Contains(EF.Property<byte[]>(p, indexColumn)))
                .Select(p => EF.Property<byte[]>(p, indexColumn))
                .ToListAsync(cancellationToken);
            found.UnionWith(existing.Select(Convert.ToHexString));
        }

        return found;
    }

    private sealed record ImportedPerson(
        string Name,
        string IdNumber,
        string CertificateNumber,
        Guid CountyId,
        string? Township,
        string? Village,
        HouseholdRegistration Registration,
        string? Phone,
        IReadOnlyList<PersonTags>? Tags) : IPersonInput;

    private sealed record ImportRow(
        string? Name, string? IdNumber, string? CertificateNumber, string? County, string? Township, string? Village,
        string? Registration, string? Phone, string? Tags)
    {
        public static ImportRow From(IReadOnlyList<string?> cells, Dictionary<string, int> columns)
        {
            string? Cell(string field) => ImportColumnSet.Cell(cells, columns, field);
            return new ImportRow(Cell("name"), Cell("idNumber"), Cell("certificateNumber"), Cell("county"), Cell("township"), Cell("village"),
                Cell("registration"), Cell("phone"), Cell("tags"));
        }
    }
}
