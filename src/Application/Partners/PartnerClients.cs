using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Enterprises;

namespace Sunshine.Application.Partners;

/// <summary>A partner platform's API client (never its secret).</summary>
public sealed record PartnerClientDto(
    Guid Id, string ClientId, string DisplayName, Guid PlatformId, string PlatformName, IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt, DateTimeOffset SecretIssuedAt, DateTimeOffset? RevokedAt, bool IsActive);

/// <summary>A client with its secret: returned once, when the client is created or its secret rotated.</summary>
public sealed record PartnerClientSecretDto(PartnerClientDto Client, string ClientSecret);

public static class PartnerClientQueries
{
    public static async Task<PartnerClientDto> ToDtoAsync(this IApplicationDbContext db, PartnerClient c, CancellationToken cancellationToken)
    {
        var platform = await db.Enterprises.Where(e => e.Id == c.PlatformId).Select(e => e.Name).SingleAsync(cancellationToken);
        return new PartnerClientDto(c.Id, c.ClientId, c.DisplayName, c.PlatformId, platform, PartnerScopeNames.Of(c.Scopes), c.CreatedAt, c.SecretIssuedAt, c.RevokedAt, c.IsActive);
    }

    public static async Task<PartnerClient> RequirePartnerClientAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.PartnerClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("partner_client", id);

    public static PartnerScopes ToScopes(this IEnumerable<string> names) =>
        names.Aggregate(PartnerScopes.None, (all, name) => all | name switch
        {
            PartnerScopeNames.ShopsWrite => PartnerScopes.ShopsWrite,
            PartnerScopeNames.SalesWrite => PartnerScopes.SalesWrite,
            PartnerScopeNames.CatalogRead => PartnerScopes.CatalogRead,
            PartnerScopeNames.EmploymentWrite => PartnerScopes.EmploymentWrite,
            _ => PartnerScopes.None,
        });
}

/// <summary>Partner clients, by platform.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetPartnerClientsQuery(Guid? PlatformId = null) : IQuery<IReadOnlyList<PartnerClientDto>>;

public sealed class GetPartnerClientsHandler(IApplicationDbContext db) : IQueryHandler<GetPartnerClientsQuery, IReadOnlyList<PartnerClientDto>>
{
    public async ValueTask<IReadOnlyList<PartnerClientDto>> Handle(GetPartnerClientsQuery query, CancellationToken cancellationToken)
    {
        var rows = await (from c in db.PartnerClients.AsNoTracking()
                          join e in db.Enterprises on c.PlatformId equals e.Id
                          where query.PlatformId == null || c.PlatformId == query.PlatformId
                          orderby e.Name, c.CreatedAt
                          select new { Client = c, Platform = e.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => new PartnerClientDto(r.Client.Id, r.Client.ClientId, r.Client.DisplayName, r.Client.PlatformId, r.Platform,
            PartnerScopeNames.Of(r.Client.Scopes), r.Client.CreatedAt, r.Client.SecretIssuedAt, r.Client.RevokedAt, r.Client.IsActive)).ToList();
    }
}

/// <summary>Creates an API client for a partner platform; the answer holds the secret, shown this once.</summary>
[RequiresPermission(Permissions.PartnersManage)]
public sealed record CreatePartnerClientCommand(Guid PlatformId, string DisplayName, IReadOnlyList<string> Scopes) : ICommand<PartnerClientSecretDto>;

public sealed class CreatePartnerClientValidator : AbstractValidator<CreatePartnerClientCommand>
{
    public CreatePartnerClientValidator()
    {
        RuleFor(x => x.PlatformId).NotEmpty();
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Scopes).NotEmpty();
        RuleForEach(x => x.Scopes).Must(s => s is PartnerScopeNames.ShopsWrite or PartnerScopeNames.SalesWrite or PartnerScopeNames.CatalogRead or PartnerScopeNames.EmploymentWrite)
            .WithErrorCode("partner_client.scope_unknown").WithMessage("Scopes are shops.write, sales.write, catalog.read and employment.write.");
    }
}

public sealed class CreatePartnerClientHandler(IApplicationDbContext db, IPartnerCredentials credentials, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreatePartnerClientCommand, PartnerClientSecretDto>
{
    public async ValueTask<PartnerClientSecretDto> Handle(CreatePartnerClientCommand command, CancellationToken cancellationToken)
    {
        var platform = await db.RequireEnterpriseAsync(command.PlatformId, cancellationToken);
        var client = PartnerClient.Create(platform, command.DisplayName, command.Scopes.ToScopes(), user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow());
        db.PartnerClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        var secret = await credentials.CreateAsync(client.ClientId, client.DisplayName, client.Scopes, cancellationToken);
        return new PartnerClientSecretDto(await db.ToDtoAsync(client, cancellationToken), secret);
    }
}

/// <summary>Issues a new secret (the old one stops working, and so do its tokens); shown this once.</summary>
[RequiresPermission(Permissions.PartnersManage)]
public sealed record RotatePartnerClientSecretCommand(Guid Id) : ICommand<PartnerClientSecretDto>;

public sealed class RotatePartnerClientSecretHandler(IApplicationDbContext db, IPartnerCredentials credentials, TimeProvider clock)
    : ICommandHandler<RotatePartnerClientSecretCommand, PartnerClientSecretDto>
{
    public async ValueTask<PartnerClientSecretDto> Handle(RotatePartnerClientSecretCommand command, CancellationToken cancellationToken)
    {
        var client = await db.RequirePartnerClientAsync(command.Id, cancellationToken);
        client.SecretRotated(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var secret = await credentials.RotateSecretAsync(client.ClientId, cancellationToken);
        return new PartnerClientSecretDto(await db.ToDtoAsync(client, cancellationToken), secret);
    }
}

/// <summary>Revokes a client: it can get no token, and its tokens stop working at once.</summary>
[RequiresPermission(Permissions.PartnersManage)]
public sealed record RevokePartnerClientCommand(Guid Id) : ICommand<PartnerClientDto>;

public sealed class RevokePartnerClientHandler(IApplicationDbContext db, IPartnerCredentials credentials, TimeProvider clock)
    : ICommandHandler<RevokePartnerClientCommand, PartnerClientDto>
{
    public async ValueTask<PartnerClientDto> Handle(RevokePartnerClientCommand command, CancellationToken cancellationToken)
    {
        var client = await db.RequirePartnerClientAsync(command.Id, cancellationToken);
        client.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await credentials.RevokeAsync(client.ClientId, cancellationToken);
        return await db.ToDtoAsync(client, cancellationToken);
    }
}
