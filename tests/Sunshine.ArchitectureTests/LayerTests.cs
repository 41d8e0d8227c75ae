using NetArchTest.Rules;

namespace Sunshine.ArchitectureTests;

public sealed class LayerTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Sunshine.Domain.Common.Entity).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(Sunshine.Application.DependencyInjection).Assembly;

    [Fact]
    public void The_domain_references_no_other_project_and_no_package()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name is "System.Runtime" or "System.Collections" or "System.Linq" or "System.Text.RegularExpressions" or "System.Collections.Immutable"
                || name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard",
            $"Sunshine.Domain references {name}"));
    }

    [Fact]
    public void The_domain_depends_on_nothing_outside_it()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Sunshine.Application", "Sunshine.Infrastructure", "Sunshine.Api", "Microsoft.EntityFrameworkCore", "Mediator", "FluentValidation")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_application_does_not_depend_on_infrastructure_or_the_api()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Sunshine.Infrastructure", "Sunshine.Api", "Npgsql", "Microsoft.AspNetCore")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        Assert.DoesNotContain(Application.GetReferencedAssemblies(), a => a.Name is "Sunshine.Infrastructure" or "Sunshine.Api");
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_api()
    {
        var result = Types.InAssembly(typeof(Sunshine.Infrastructure.DependencyInjection).Assembly).ShouldNot()
            .HaveDependencyOn("Sunshine.Api").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
