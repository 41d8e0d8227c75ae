using Quartz;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Infrastructure.Auditing;
using Sunshine.Infrastructure.Identity;
using Sunshine.Infrastructure.Persistence;
using Sunshine.Infrastructure.Persistence.Seeding;
using Sunshine.Infrastructure.Importing;
using Sunshine.Infrastructure.Security;

namespace Sunshine.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");

        if (environment.IsDevelopment() && configuration.GetValue<bool>(Testing.AdjustableClock.Setting))
        {
            services.AddSingleton<Testing.AdjustableClock>();
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<Testing.AdjustableClock>());
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);

            // The same few hundred statements run all day: prepared once per connection after a few uses, they skip
            // PostgreSQL's parse and plan (unless the connection string sets its own limit).
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 200;
            }

            // Nothing here leaves session state on a connection (locks are transaction-scoped, no temporary tables
            // outlive their transaction), so a pooled connection is handed back without a reset round trip per query.
            // (NpgsqlConnectionStringBuilder.ContainsKey answers for every keyword it knows, so the string itself is read.)
            var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
                .Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("NoResetOnClose", StringComparison.OrdinalIgnoreCase));
            if (!given)
            {
                builder.ConnectionStringBuilder.NoResetOnClose = true;
            }

            return builder.Build();
        });
        services.AddScoped<AuditTrail>();
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<SensitiveIndexInterceptor>();
        services.Configure<SensitiveDataOptions>(configuration.GetSection(SensitiveDataOptions.Section));
        services.AddSingleton<ISensitiveDataProtector>(sp => SensitiveDataProtector.FromOptions(
            sp.GetRequiredService<IOptions<SensitiveDataOptions>>().Value, mayCreateKeyFile: environment.IsDevelopment()));
        services.AddSingleton<SessionCheckCache>();
        services.AddSingleton<SessionCheckCacheInterceptor>();
        services.AddSingleton<SessionCheckCacheTransactionInterceptor>();
        services.AddDbContext<ApplicationDbContext>((sp, options) => options
            .UseSunshineDatabase(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(
                sp.GetRequiredService<SensitiveIndexInterceptor>(), sp.GetRequiredService<AuditInterceptor>(),
                sp.GetRequiredService<SessionCheckCacheInterceptor>(), sp.GetRequiredService<SessionCheckCacheTransactionInterceptor>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());
        services.AddSingleton<Application.Statistics.IIndicatorFactsReader, IndicatorFactsReader>();
        services.AddScoped<ITransactionRunner, TransactionRunner>();
        AddAuditSealer(services, configuration, environment);
        services.AddScoped<IAccountService, AccountService>();
        services.AddScoped<TokenPrincipalFactory>();
        services.AddScoped<Application.Partners.IPartnerCredentials, Partners.PartnerCredentials>();
        services.AddScoped<Application.Sales.ISalesWriter, Sales.SalesWriter>();
        services.AddSingleton<Partners.IdempotencyStore>();
        services.AddSingleton<IImportFiles, ImportFiles>();
        services.AddSingleton<ISpreadsheetWriter, SpreadsheetWriter>();
        services.AddSingleton<IImportProgress, ImportProgress>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<OAuthClientSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        AddReminders(services, configuration, connectionString);
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));

        var dataProtection = services.AddDataProtection().SetApplicationName("Sunshine");
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }

        AddIdentity(services, configuration);
        AddOAuthServer(services, configuration, environment);
        return services;
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section))
            .Validate(o => o.CheckReuse >= TimeSpan.Zero && o.CheckReuse <= TimeSpan.FromMinutes(1), "Sessions:CheckReuse is between zero and one minute.")
            .ValidateOnStart();
        services.Configure<TwoFactorOptions>(configuration.GetSection(TwoFactorOptions.Section));
        services.AddScoped<StaffSessions>();
        services.AddSingleton<TotpAuthenticator>();

        services.AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.ClaimsIdentity.UserIdClaimType = SunshineClaimTypes.Subject;
                options.ClaimsIdentity.UserNameClaimType = SunshineClaimTypes.Name;
                options.ClaimsIdentity.RoleClaimType = SunshineClaimTypes.Role;
            })
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddSignInManager<SunshineSignInManager>()
            .AddClaimsPrincipalFactory<SunshineClaimsPrincipalFactory>()
            .AddPasswordValidator<ThreeClassPasswordValidator>()
            .AddDefaultTokenProviders();

        // Every request reads its session record and the account's concurrency stamp (one primary-key lookup, ADR 0015):
        // a signed-out, timed-out or ended session and a disabled account's session stop at once, and role or county
        // changes apply to the next request.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = SunshineSecurityStampValidator.CarrySessionId;
        });
        services.AddSingleton<RoleTableStamp>();
        services.AddScoped<ISecurityStampValidator, SunshineSecurityStampValidator>();
    }

    private static void AddOAuthServer(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ApplicationDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.AllowClientCredentialsFlow();
                options.RegisterScopes(OAuthClients.ApiScope, Application.Partners.PartnerScopeNames.ShopsWrite,
                    Application.Partners.PartnerScopeNames.SalesWrite, Application.Partners.PartnerScopeNames.CatalogRead,
                    Application.Partners.PartnerScopeNames.EmploymentWrite);
                options.SetAccessTokenLifetime(auth.AccessTokenLifetime);
                options.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));

                if (auth.SigningCertificatePath is { Length: > 0 } signing && auth.EncryptionCertificatePath is { Length: > 0 } encryption)
                {
                    options.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(signing, auth.CertificatePassword));
                    options.AddEncryptionCertificate(X509CertificateLoader.LoadPkcs12FromFile(encryption, auth.CertificatePassword));
                }
                else if (auth.UseEphemeralKeys)
                {
                    options.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                }
                else if (environment.IsDevelopment())
                {
                    options.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
                }
                else
                {
                    throw new InvalidOperationException(
                        "Configure Auth:SigningCertificatePath and Auth:EncryptionCertificatePath (PFX files) for the token server.");
                }

                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.EnableTokenEntryValidation();
                options.UseAspNetCore();
            });
    }

    /// <summary>
    /// The audit trail's sealer (ADR 0014): the key from configuration (or, in Development, a key file created on first
    /// run), the verifier, and the background sealer unless <c>AuditTrail:Sealer=false</c>. Every instance runs one;
    /// a PostgreSQL advisory lock lets one seal at a time.
    /// </summary>
    private static void AddAuditSealer(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<AuditTrailOptions>(configuration.GetSection(AuditTrailOptions.Section));
        services.AddSingleton(sp => AuditSealKey.FromOptions(
            sp.GetRequiredService<IOptions<AuditTrailOptions>>().Value, mayCreateKeyFile: environment.IsDevelopment()));
        services.AddSingleton<AuditSealer>();
        services.AddScoped<IAuditChainVerifier, AuditChainVerifier>();
        if (configuration.GetValue($"{AuditTrailOptions.Section}:{nameof(AuditTrailOptions.Sealer)}", true))
        {
            services.AddHostedService<AuditSealerWorker>();
        }
    }

    /// <summary>
    /// The deadline reminders: a daily Quartz job at 08:05 China Standard Time (00:05 UTC) in a clustered
    /// job store in the application's PostgreSQL database (tables <c>qrtz_*</c>, created by a migration), so
    /// several API instances share one schedule and never fire it twice. <c>Reminders:Scheduler=false</c>
    /// leaves the scheduler off (the reminder service still runs on demand).
    /// </summary>
    private static void AddReminders(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddScoped<Reminders.ReminderService>();
        if (!configuration.GetValue("Reminders:Scheduler", true))
        {
            return;
        }

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "Sunshine";
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(20));
            });
            q.AddJob<Reminders.ReminderJob>(j => j.WithIdentity(Reminders.ReminderJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Reminders.ReminderJob.Key).WithIdentity("deadline-reminders-daily", "sunshine")
                .WithCronSchedule("0 5 0 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            // A catch-up run as the instance starts: deadlines added or moved since the last daily run are told
            // today rather than tomorrow (the run is idempotent, so a restart sends nothing twice).
            if (configuration.GetValue("Reminders:RunOnStart", true))
            {
                q.AddTrigger(t => t.ForJob(Reminders.ReminderJob.Key).WithIdentity("deadline-reminders-on-start", "sunshine").StartNow());
            }
        });
        // The scheduler starts once the API is serving (its schema check and cluster check-in take about 1.5 s): the
        // instance is ready sooner, and the catch-up run still follows within seconds.
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
    }
}
