using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Accounts;
using Sunshine.Application.Accounts.CreateAccount;
using Sunshine.Application.Accounts.DisableAccount;
using Sunshine.Application.Accounts.EnableAccount;
using Sunshine.Application.Accounts.GetAccount;
using Sunshine.Application.Accounts.GetAccounts;
using Sunshine.Application.Accounts.ResetAccountPassword;
using Sunshine.Application.Accounts.SetAccountAccess;
using Sunshine.Application.Accounts.ResetAccountTwoFactor;
using Sunshine.Application.Accounts.UnlockAccount;
using Sunshine.Application.Common.Paging;

namespace Sunshine.Api.Endpoints;

/// <summary>Staff accounts: system administrators manage them, security administrators assign their access.</summary>
public sealed class Accounts : IEndpointGroup
{
    public static string Prefix => "accounts";

    public static string Tag => "Accounts";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetAccounts).WithName(nameof(GetAccounts))
            .WithSummary("List accounts (accounts.read), searching user and display names.").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetAccount).WithName(nameof(GetAccount))
            .WithSummary("One account (accounts.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateAccount).WithName(nameof(CreateAccount))
            .WithSummary("Create an account with no roles (accounts.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/disable", DisableAccount).WithName(nameof(DisableAccount))
            .WithSummary("Disable an account; its sessions and tokens end (accounts.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id:guid}/enable", EnableAccount).WithName(nameof(EnableAccount))
            .WithSummary("Enable a disabled account (accounts.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id:guid}/two-factor/reset", ResetAccountTwoFactor).WithName(nameof(ResetAccountTwoFactor))
            .WithSummary("Remove an account's second factor (a lost authenticator); its sessions end and the holder enrols again.")
            .WithDescription("Needs access.assign; never for your own account (403 account.cannot_change_own_access). Audited.")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id:guid}/unlock", UnlockAccount).WithName(nameof(UnlockAccount))
            .WithSummary("End a lockout after failed sign-ins (accounts.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id:guid}/reset-password", ResetAccountPassword).WithName(nameof(ResetAccountPassword))
            .WithSummary("Set a new password for an account; its sessions end (accounts.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("{id:guid}/access", SetAccountAccess).WithName(nameof(SetAccountAccess))
            .WithSummary("Replace an account's roles, county and extra permissions (access.assign).")
            .WithDescription("One account never holds two of SystemAdmin, SecurityAdmin and Auditor (409 account.role_conflict). A CountyOfficer needs a county-level region.")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<AccountDto>>> GetAccounts([AsParameters] GetAccountsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<AccountDto>> GetAccount(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAccountQuery(id), ct));

    private static async Task<Created<AccountDto>> CreateAccount(CreateAccountCommand command, ISender sender, CancellationToken ct)
    {
        var account = await sender.Send(command, ct);
        return TypedResults.Created($"/api/accounts/{account.Id}", account);
    }

    private static async Task<Ok<AccountDto>> DisableAccount(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DisableAccountCommand(id), ct));

    private static async Task<Ok<AccountDto>> EnableAccount(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EnableAccountCommand(id), ct));

    private static async Task<Ok<AccountDto>> ResetAccountTwoFactor(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResetAccountTwoFactorCommand(id), ct));

    private static async Task<Ok<AccountDto>> UnlockAccount(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UnlockAccountCommand(id), ct));

    private static async Task<NoContent> ResetAccountPassword(Guid id, ResetAccountPasswordRequest request, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ResetAccountPasswordCommand(id, request.NewPassword), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AccountDto>> SetAccountAccess(Guid id, SetAccountAccessRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetAccountAccessCommand(id, request.Roles, request.CountyId, request.Permissions), ct));
}

/// <summary>A new password for an account.</summary>
public sealed record ResetAccountPasswordRequest(string NewPassword);

/// <summary>An account's complete access: roles, the county for a county officer, and extra permissions.</summary>
public sealed record SetAccountAccessRequest(IReadOnlyList<string> Roles, Guid? CountyId, IReadOnlyList<string> Permissions);
