using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.Hosting;

/// <summary>
/// Traces and metrics (OpenTelemetry) of ASP.NET Core, outgoing HTTP, PostgreSQL (Npgsql) and the
/// .NET runtime. Exported over OTLP only when an endpoint is configured
/// (<c>OpenTelemetry:OtlpEndpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); metrics
/// are also scraped at <c>/metrics</c> (Prometheus text), by a signed-in system administrator only.
/// Problem responses carry the request's trace id, so a reported error finds its trace.
/// </summary>
public static class Observability
{
    public const string ServiceName = "sunshine-api";
    public const string MetricsPath = "/metrics";
    private const string MetricsPolicy = "metrics";

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var otlpEndpoint = configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } configured
            ? configured
            : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var otlp = string.IsNullOrWhiteSpace(otlpEndpoint) ? null : new Uri(otlpEndpoint);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                }
                else
                {
                    // Nothing would receive the spans: none are made (a request's span per database command costs
                    // real CPU on the busiest calls). Problem responses then carry the request's own identifier.
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(MetricsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.SystemAdmin));
        return services;
    }

    /// <summary>The Prometheus scrape endpoint, for system administrators only: metrics describe the system's use.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MetricsPolicy);
        return endpoints;
    }
}
