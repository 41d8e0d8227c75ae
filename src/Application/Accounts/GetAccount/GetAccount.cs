using Mediator;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.GetAccount;

[RequiresPermission(Permissions.AccountsRead)]
public sealed record GetAccountQuery(Guid Id) : IQuery<AccountDto>;

public sealed class GetAccountHandler(IAccountService accounts) : IQueryHandler<GetAccountQuery, AccountDto>
{
    public async ValueTask<AccountDto> Handle(GetAccountQuery query, CancellationToken cancellationToken) =>
        await accounts.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("account", query.Id);
}
