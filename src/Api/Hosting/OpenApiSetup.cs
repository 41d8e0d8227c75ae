using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Sunshine.Infrastructure.Identity;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Sunshine.Api.Hosting;

/// <summary>The OpenAPI document (exported to openapi.json at build time) and Swagger UI with OAuth sign-in.</summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    private const string SchemeId = "oauth2";
    private const string PartnerSchemeId = "partner";

    /// <summary>How access tokens are made and checked (OpenIddict's defaults, which follow the JWT best current practices).</summary>
    private const string TokenPractice =
        "Access tokens are JWTs handled as RFC8725 advises: signed and then encrypted to the server's keys, explicitly typed " +
        "(`at+jwt`), algorithms fixed by those keys (never `none`), issuer and expiry checked on every request. They are short-lived " +
        "and there are no refresh tokens: sign in again when one expires.";

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Sunshine API",
                Version = "v1",
                Description =
                    "REST API of Sunshine, the system of the Changde City E-commerce Disability-Assistance Poverty-Alleviation " +
                    "Programme (常德市电子商务助残扶贫工程). Errors are RFC 9457 problem details with a stable `code` and a `traceId`. " +
                    "Updates need the record's ETag in `If-Match` (412 when stale, 428 when missing). Sign in with the Authorize " +
                    "button (OAuth 2.0 authorization code with PKCE).",
            });
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();

            // A property of a schema type that may be null ({ allOf: [ $ref ], nullable: true }): a bare $ref cannot say so in
            // OpenAPI 3.0, and clients would be told a null value is impossible.
            options.UseAllOfToExtendReferenceSchemas();
            options.CustomOperationIds(api => api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
            foreach (var assembly in new[] { typeof(OpenApiSetup).Assembly, typeof(Application.DependencyInjection).Assembly, typeof(Domain.Common.Entity).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
                if (File.Exists(xml))
                {
                    options.IncludeXmlComments(xml);
                }
            }

            options.AddSecurityDefinition(SchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Sign in as a person (authorization code with PKCE; tokens live 30 minutes unless `Auth:AccessTokenLifetime` says otherwise). " + TokenPractice,
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string> { [OAuthClients.ApiScope] = "Use the REST API" },
                    },
                },
            });
            options.AddSecurityDefinition(PartnerSchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "A partner platform's client (client credentials; tokens live 5 minutes). See docs/partner-api.md. " + TokenPractice,
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string>
                        {
                            [Application.Partners.PartnerScopeNames.ShopsWrite] = "Register and change your sellers' shops",
                            [Application.Partners.PartnerScopeNames.SalesWrite] = "Report and read back sales",
                            [Application.Partners.PartnerScopeNames.CatalogRead] = "Read the priority products catalogue",
                            [Application.Partners.PartnerScopeNames.EmploymentWrite] = "Report the platform's own employment of disabled people",
                        },
                    },
                },
            });
            options.OperationFilter<SecurityRequirementFilter>();
            options.OperationFilter<IdempotencyKeyFilter>();
            options.AddContractFilters();
        });
        return services;
    }

    public static WebApplication UseOpenApiDocument(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Sunshine API v1");
            options.DocumentTitle = "Sunshine API";
            options.OAuthClientId(OAuthClients.SwaggerClientId);
            options.OAuthUsePkce();
            options.OAuthScopes(OAuthClients.ApiScope);
        });
        return app;
    }

    /// <summary>Marks operations that need a signed-in caller with the OAuth requirement.</summary>
    private sealed class SecurityRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            operation.Security ??= [];
            if (metadata.OfType<Endpoints.PartnerScopeMetadata>().FirstOrDefault() is { } partner)
            {
                // Any one of the scopes will do: one requirement each.
                foreach (var scope in partner.Scopes)
                {
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(PartnerSchemeId, context.Document)] = [scope],
                    });
                }

                return;
            }

            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [OAuthClients.ApiScope],
            });
        }
    }

    /// <summary>Documents the Idempotency-Key header of partner writes.</summary>
    private sealed class IdempotencyKeyFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentWriteMetadata>().Any())
            {
                return;
            }

            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.HeaderName,
                In = ParameterLocation.Header,
                Required = true,
                Description = "A unique value per request (e.g. a UUID), kept 24 hours: a retry with the same key and body gets the first answer again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Infrastructure.Partners.IdempotencyStore.MaxKeyLength },
            });
        }
    }
}
