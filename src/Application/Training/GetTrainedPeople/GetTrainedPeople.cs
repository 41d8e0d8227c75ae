using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Training.GetTrainedPeople;

/// <summary>Trained people in a period (CST dates, inclusive), city-wide and per county, within the caller's scope.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetTrainedPeopleQuery(DateOnly From, DateOnly To) : IQuery<TrainedPeopleDto>;

public sealed class GetTrainedPeopleValidator : AbstractValidator<GetTrainedPeopleQuery>
{
    public GetTrainedPeopleValidator() =>
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).WithErrorCode("period.invalid").WithMessage("'to' must not be before 'from'.");
}

public sealed class GetTrainedPeopleHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetTrainedPeopleQuery, TrainedPeopleDto>
{
    public async ValueTask<TrainedPeopleDto> Handle(GetTrainedPeopleQuery query, CancellationToken cancellationToken) =>
        await db.TrainedPeopleAsync(query.From, query.To, user.IsCountyBound ? user.CountyId : null, cancellationToken);
}
