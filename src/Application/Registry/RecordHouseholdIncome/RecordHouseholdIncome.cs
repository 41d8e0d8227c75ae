using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;

namespace Sunshine.Application.Registry.RecordHouseholdIncome;

/// <summary>Records (or corrects) a year's per-capita net income of the household, in yuan.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RecordHouseholdIncomeCommand(Guid HouseholdId, int Year, decimal PerCapitaIncome) : ICommand<HouseholdDto>;

public sealed class RecordHouseholdIncomeValidator : AbstractValidator<RecordHouseholdIncomeCommand>
{
    public RecordHouseholdIncomeValidator() =>
        RuleFor(x => x.PerCapitaIncome).InclusiveBetween(0m, 10_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
}

public sealed class RecordHouseholdIncomeHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<RecordHouseholdIncomeCommand, HouseholdDto>
{
    public async ValueTask<HouseholdDto> Handle(RecordHouseholdIncomeCommand command, CancellationToken cancellationToken)
    {
        var household = await db.RequireHouseholdAsync(command.HouseholdId, cancellationToken);
        household.RecordIncome(command.Year, Money.FromYuan(command.PerCapitaIncome, "perCapitaIncome"), clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(household, cancellationToken);
    }
}
