using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Sunshine.Application.Common.Paging;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Sunshine.Api.Hosting;

/// <summary>
/// Filters that state in openapi.json what the server enforces but the schema generator cannot see:
/// the 500 problem every operation can give, <c>Retry-After</c> on 429, the length of strings whose
/// format fixes it (and of <c>If-Match</c>), and the bounds of the paging parameters.
/// </summary>
internal static class OpenApiContract
{
    /// <summary>Longest text of each fixed-format value: a longer string cannot parse.</summary>
    private static readonly Dictionary<string, int> FormatLengths = new(StringComparer.Ordinal)
    {
        ["uuid"] = 36,          // 8-4-4-4-12 hex digits
        ["date"] = 10,          // yyyy-MM-dd
        ["date-time"] = 33,     // yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm
        ["time"] = 16,          // HH:mm:ss.fffffff
    };

    private const int IfMatchMaxLength = 14;

    internal static void AddContractFilters(this SwaggerGenOptions options)
    {
        options.OperationFilter<ProblemResponsesFilter>();
        options.SchemaFilter<FormatLengthFilter>();
        options.ParameterFilter<ParameterLimitsFilter>();
    }

    private static void BoundByFormat(OpenApiSchema schema)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && schema.MaxLength is null && schema.Enum is not { Count: > 0 }
            && schema.Format is { } format && FormatLengths.TryGetValue(format, out var length))
        {
            schema.MaxLength = length;
        }
    }

    /// <summary>
    /// Every operation can end in 500 (the exception handler answers with a problem); rate-limited
    /// operations (their 429 is declared by the endpoint) say when to retry.
    /// </summary>
    private sealed class ProblemResponsesFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Responses ??= [];
            var problem = context.SchemaGenerator.GenerateSchema(typeof(ApiProblem), context.SchemaRepository);
            if (!operation.Responses.ContainsKey("500"))
            {
                operation.Responses["500"] = new OpenApiResponse
                {
                    Description = "Internal Server Error",
                    Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } },
                };
            }

            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var limited = metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<Endpoints.PartnerScopeMetadata>().Any();
            if (limited && operation.Responses.TryGetValue("429", out var tooMany) && tooMany is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "60" },
                };
            }
        }
    }

    private sealed class FormatLengthFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema concrete)
            {
                return;
            }

            BoundByFormat(concrete);
            foreach (var property in concrete.Properties?.Values.OfType<OpenApiSchema>() ?? [])
            {
                BoundByFormat(property);
                if (property.Items is OpenApiSchema items)
                {
                    BoundByFormat(items);
                }
            }
        }
    }

    /// <summary>Format-bound strings, and the page and page size every list validates (<see cref="Paging"/>).</summary>
    private sealed class ParameterLimitsFilter : IParameterFilter
    {
        public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
        {
            if (parameter is not OpenApiParameter { Schema: OpenApiSchema schema })
            {
                return;
            }

            BoundByFormat(schema);
            if (parameter.In == ParameterLocation.Header && string.Equals(parameter.Name, "If-Match", StringComparison.OrdinalIgnoreCase))
            {
                // W/"4294967295": a longer value names no row version and can only be stale (412).
                schema.MaxLength = IfMatchMaxLength;
                return;
            }

            // ImportJobsRequest is passed on to a paged query (GetImportJobsQuery), which validates it.
            if (context.PropertyInfo?.DeclaringType is { } declaring
                && (typeof(IPagedRequest).IsAssignableFrom(declaring) || declaring == typeof(ImportJobsRequest)))
            {
                switch (context.PropertyInfo.Name)
                {
                    case nameof(IPagedRequest.Page):
                        schema.Minimum = "1";
                        schema.Maximum = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case nameof(IPagedRequest.PageSize):
                        schema.Minimum = "1";
                        schema.Maximum = Paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }
            }
        }
    }
}
