using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.ImportPersons;

/// <summary>
/// Creates an import job for a CSV or XLSX file of people; the API then queues the file for the
/// background worker, which runs <see cref="ProcessPersonImportCommand"/>.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record StartPersonImportCommand(string FileName, long Length, bool ImportValidRows) : ICommand<PersonImportDto>;

public sealed class StartPersonImportValidator : AbstractValidator<StartPersonImportCommand>
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public StartPersonImportValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(200).OverridePropertyName("file")
            .Must(n => FormatOf(n) is not null).WithErrorCode("import.format_unknown").WithMessage("Import a .csv or .xlsx file.");
        RuleFor(x => x.Length).InclusiveBetween(1, MaxBytes).OverridePropertyName("file")
            .WithErrorCode("import.file_size").WithMessage("The file must not be empty and may be at most 20 MB.");
    }

    public static ImportFormat? FormatOf(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant() switch
    {
        ".CSV" => ImportFormat.Csv,
        ".XLSX" => ImportFormat.Xlsx,
        _ => null,
    };
}

public sealed class StartPersonImportHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<StartPersonImportCommand, PersonImportDto>
{
    public async ValueTask<PersonImportDto> Handle(StartPersonImportCommand command, CancellationToken cancellationToken)
    {
        var requester = user.Id ?? throw new NotAuthenticatedException();
        var owner = user.IsCountyBound
            ? user.CountyId ?? throw new ForbiddenException("scope.county_not_allowed", "Your account is not bound to a county.")
            : await db.Regions.Where(r => r.ParentId == null).OrderBy(r => r.SortOrder).Select(r => r.Id).FirstAsync(cancellationToken);

        var job = PersonImport.Start(owner, command.FileName, StartPersonImportValidator.FormatOf(command.FileName)!.Value,
            command.ImportValidRows, requester, clock.GetUtcNow());
        db.PersonImports.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job.ToDto();
    }
}
