using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Policies;

namespace Sunshine.Application.Policies.GetTrainingQualifications;

/// <summary>A recognised qualification and its standard subsidy amount.</summary>
public sealed record QualificationDto(string Code, string Name, decimal StandardAmount);

/// <summary>The recognised qualifications in force on a date, from the version it names (empty without one).</summary>
public sealed record QualificationsInForceDto(DateOnly On, Guid? PolicyVersionId, string? Note, IReadOnlyList<QualificationDto> Qualifications);

[RequiresPermission(Permissions.ReferenceRead)]
public sealed record GetTrainingQualificationsQuery(DateOnly On) : IQuery<QualificationsInForceDto>;

public sealed class GetTrainingQualificationsHandler(IApplicationDbContext db) : IQueryHandler<GetTrainingQualificationsQuery, QualificationsInForceDto>
{
    public async ValueTask<QualificationsInForceDto> Handle(GetTrainingQualificationsQuery query, CancellationToken cancellationToken)
    {
        var version = await db.InForceAsync(PolicyKey.TrainingQualifications, query.On, cancellationToken);
        if (version is null)
        {
            return new QualificationsInForceDto(query.On, null, null, []);
        }

        var table = PolicyStore.ReadQualifications(version.Content);
        return new QualificationsInForceDto(query.On, version.Id, version.Note,
            table.Qualifications.Select(q => new QualificationDto(q.Code, q.Name, q.StandardAmount.Yuan)).ToList());
    }
}
