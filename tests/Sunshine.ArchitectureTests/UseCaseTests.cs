using System.Reflection;
using Mediator;
using Sunshine.Application.Common.Behaviours;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.ArchitectureTests;

public sealed class UseCaseTests
{
    private static readonly Type[] Requests = typeof(Sunshine.Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void There_are_use_cases_to_check() => Assert.NotEmpty(Requests);

    [Fact]
    public void Every_request_declares_exactly_one_access_requirement()
    {
        foreach (var request in Requests)
        {
            var declared = new Attribute?[]
            {
                request.GetCustomAttribute<RequiresPermissionAttribute>(),
                request.GetCustomAttribute<RequiresSignInAttribute>(),
                request.GetCustomAttribute<AllowAnonymousRequestAttribute>(),
            }.Count(a => a is not null);
            Assert.True(declared == 1, $"{request.Name} declares {declared} access requirements");
            Assert.NotNull(RequestAccess.Of(request));
        }
    }

    [Fact]
    public void Every_required_permission_is_in_the_role_table()
    {
        foreach (var request in Requests)
        {
            if (request.GetCustomAttribute<RequiresPermissionAttribute>() is { } attribute)
            {
                Assert.NotEmpty(attribute.Permissions);
                Assert.All(attribute.Permissions, p => Assert.Contains(p, Permissions.All));
            }
        }
    }

    [Fact]
    public void No_command_is_open_to_a_permission_the_auditor_holds()
    {
        var auditor = RoleTable.Get(Roles.Auditor);
        foreach (var command in Requests.Where(t => typeof(IBaseCommand).IsAssignableFrom(t) && !typeof(IAuditedRead).IsAssignableFrom(t)))
        {
            if (command.GetCustomAttribute<RequiresPermissionAttribute>() is { } attribute)
            {
                Assert.All(attribute.Permissions, p => Assert.False(
                    auditor.Permissions.Contains(p) || auditor.Grantable.Contains(p),
                    $"{command.Name} is open to {p}, which an auditor can hold"));
            }
        }
    }

    [Fact]
    public void Use_cases_live_in_one_folder_each_with_their_handler()
    {
        foreach (var request in Requests)
        {
            var handlerName = UseCaseName.Of(request) + "Handler";
            var handler = request.Assembly.GetTypes().SingleOrDefault(t => t.Name == handlerName);
            Assert.True(handler is not null, $"{request.Name} has no {handlerName}");
            Assert.Equal(request.Namespace, handler!.Namespace);
        }
    }
}
