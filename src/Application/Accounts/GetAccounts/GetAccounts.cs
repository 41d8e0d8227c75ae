using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.GetAccounts;

/// <summary>Lists accounts by user name, searching user and display names, optionally by role.</summary>
[RequiresPermission(Permissions.AccountsRead)]
public sealed record GetAccountsQuery(string? Search = null, string? Role = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AccountDto>>, IPagedRequest;

public sealed class GetAccountsValidator : AbstractValidator<GetAccountsQuery>
{
    public GetAccountsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Search).MaximumLength(100);
        RuleFor(x => x.Role).Must(r => r is null || RoleTable.Exists(r)).WithErrorCode("account.role_unknown")
            .WithMessage("There is no such role.");
    }
}

public sealed class GetAccountsHandler(IAccountService accounts) : IQueryHandler<GetAccountsQuery, PagedList<AccountDto>>
{
    public async ValueTask<PagedList<AccountDto>> Handle(GetAccountsQuery query, CancellationToken cancellationToken) =>
        await accounts.ListAsync(query.Search, query.Role, query.Page, query.PageSize, cancellationToken);
}
