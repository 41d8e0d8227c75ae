using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Sunshine.Application;

public static class DependencyInjection
{
    /// <summary>Registers the validators. The mediator and its pipeline are registered by the composition root.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining(typeof(DependencyInjection), includeInternalTypes: true);
        return services;
    }
}
