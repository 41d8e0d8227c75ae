using System.Reflection;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenIddict.Validation.AspNetCore;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Sunshine.Api.Endpoints;
using Sunshine.Api.Hosting;
using Sunshine.Application;
using Sunshine.Application.Common.Behaviours;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Infrastructure;
using Sunshine.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);

// The build-time OpenAPI export runs this file without a database: give it placeholders and skip start-up work.
var exportingOpenApi = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
if (exportingOpenApi)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = "Host=localhost;Database=openapi_export",
        ["Auth:UseEphemeralKeys"] = "true",
        ["Database:MigrateOnStartup"] = "false",
        ["Reminders:Scheduler"] = "false",
        ["AuditTrail:Sealer"] = "false",
    });
}

builder.Services.AddSerilog((services, logger) =>
{
    logger.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
    var consoleLevel = builder.Configuration.GetValue("Logging:ConsoleLevel", LogEventLevel.Verbose);
    if (builder.Configuration["Logging:Format"] == "json")
    {
        logger.WriteTo.Console(new RenderedCompactJsonFormatter(), consoleLevel);
    }
    else
    {
        logger.WriteTo.Console(
            outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} trace={TraceId}{NewLine}{Exception}",
            formatProvider: System.Globalization.CultureInfo.InvariantCulture,
            restrictedToMinimumLevel: consoleLevel);
    }

    foreach (var sink in services.GetServices<ILogEventSink>())
    {
        logger.WriteTo.Sink(sink);
    }
},
preserveStaticLogger: true);

// No Server banner: it only tells an attacker what to look up.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

// Behind a TLS-terminating proxy the scheme and client address come from X-Forwarded-Proto/-For,
// believed only from a proxy on this machine (the defaults: loopback addresses); anyone else's are ignored.
builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(Sunshine.Application.DependencyInjection)];
    options.PipelineBehaviors =
    [
        typeof(LoggingBehaviour<,>),
        typeof(AuthorizationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
        typeof(TransactionBehaviour<,>),
    ];
});
ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("en");

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<ICurrentSession, CurrentSession>();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddProblemDetails();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
});

const string SessionOrBearer = "SessionOrBearer";
builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "sunshine.session";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

    // The limits are the server-side session record's (ADR 0015: Sessions:IdleMinutes, Sessions:AbsoluteHours), which
    // answers with the reason; the ticket's own lifetime is a backstop an hour past the absolute limit.
    o.ExpireTimeSpan = TimeSpan.FromHours(builder.Configuration.GetValue($"{Sunshine.Infrastructure.Identity.SessionOptions.Section}:AbsoluteHours", 8) + 1);
    o.SlidingExpiration = false;
    o.Events.OnRedirectToLogin = context =>
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    };
    o.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = SessionOrBearer;
        o.DefaultAuthenticateScheme = SessionOrBearer;
        o.DefaultChallengeScheme = SessionOrBearer;
        o.DefaultForbidScheme = SessionOrBearer;
    })
    .AddPolicyScheme(SessionOrBearer, "Session cookie or bearer token", o => o.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            : IdentityConstants.ApplicationScheme);
builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
{
    // Between the password and the code of a sign-in with a second factor: five minutes, this site only.
    o.Cookie.Name = "sunshine.two_factor";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
});
builder.Services.AddAuthorization();

builder.Services.AddPartnerRateLimits(builder.Configuration);
builder.Services.AddObservability(builder.Configuration);

builder.Services.AddHealthChecks()
    .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "database", tags: ["ready"]);
builder.Services.AddOpenApiDocument();
builder.Services.AddSingleton<ImportInbox>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services.AddHostedService<IdempotencyPurgeWorker>();

var app = builder.Build();

var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
if (!exportingOpenApi && (database.MigrateOnStartup || args.Contains("migrate")))
{
    await app.Services.GetRequiredService<DatabaseInitializer>()
        .InitialiseAsync(database.SeedDemoData && app.Environment.IsDevelopment(), app.Lifetime.ApplicationStopping);
    if (args.Contains("migrate"))
    {
        return;
    }
}

// Forwarded headers first, so every later step sees the client's scheme and address; then request
// logging, so it records the status the client finally gets.
app.UseForwardedHeaders();
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodeProblems();
app.UseSecurityHeaders();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();

// After authentication, so partner clients are limited per client; sign-in per address.
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestBodyLimit();
app.UseIdempotentWrites();
app.UseOpenApiDocument();

app.MapEndpointGroups();
app.MapConnectEndpoints();
if (app.Services.GetService<Sunshine.Infrastructure.Testing.AdjustableClock>() is { } adjustableClock)
{
    // End-to-end tests only (Development with Testing:AdjustableClock): move the clock on by whole days, or back to now.
    app.MapPost("/api/testing/clock", (int? advanceDays) =>
    {
        if (advanceDays is { } days)
        {
            adjustableClock.Advance(TimeSpan.FromDays(days));
        }
        else
        {
            adjustableClock.Reset();
        }

        return Results.Ok(new { now = adjustableClock.GetUtcNow() });
    }).ExcludeFromDescription().AllowAnonymous();
}

app.MapMetrics();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapFallback("/api/{**rest}", () => Results.NotFound());
app.MapFallbackToFile("index.html");

await app.RunAsync();

/// <summary>The API host; public for the functional tests' WebApplicationFactory.</summary>
public partial class Program;
