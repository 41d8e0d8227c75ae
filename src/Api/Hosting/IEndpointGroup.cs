using System.Reflection;

namespace Sunshine.Api.Hosting;

/// <summary>A resource's endpoints, one class per file in Endpoints/, found and mapped at start-up.</summary>
public interface IEndpointGroup
{
    /// <summary>The route prefix under <c>/api</c>, e.g. <c>regions</c>.</summary>
    static abstract string Prefix { get; }

    /// <summary>The OpenAPI tag the group's operations are listed under.</summary>
    static abstract string Tag { get; }

    static abstract void Map(RouteGroupBuilder group);
}

public static class EndpointGroupDiscovery
{
    /// <summary>Maps every <see cref="IEndpointGroup"/> in this assembly under <c>/api/{prefix}</c>.</summary>
    public static WebApplication MapEndpointGroups(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        var map = typeof(EndpointGroupDiscovery).GetMethod(nameof(MapGroup), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in typeof(EndpointGroupDiscovery).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IEndpointGroup)))
                     .OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            map.MakeGenericMethod(type).Invoke(null, [api]);
        }

        return app;
    }

    private static void MapGroup<T>(RouteGroupBuilder api)
        where T : IEndpointGroup
    {
        var group = api.MapGroup(T.Prefix).WithTags(T.Tag);
        T.Map(group);
    }
}
