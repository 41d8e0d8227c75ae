using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Sunshine.Infrastructure.Persistence;

/// <summary>The provider settings every ApplicationDbContext uses: the app's, the migrator's and design time.</summary>
internal static class DatabaseSetup
{
    public static DbContextOptionsBuilder UseSunshineDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Provider).Finish();

    public static DbContextOptionsBuilder UseSunshineDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, Provider).Finish();

    private static void Provider(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable(DatabaseInitializer.HistoryTable);

    private static DbContextOptionsBuilder Finish(this DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention().ReplaceService<IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>();
}
