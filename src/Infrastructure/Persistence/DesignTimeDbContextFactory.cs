using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sunshine.Infrastructure.Security;

namespace Sunshine.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the API (throwaway keys).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext(string[] args)
    {
        var keys = new Dictionary<byte, byte[]> { [1] = new byte[32] };
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseSunshineDatabase("Host=localhost;Database=sunshine_design");
        return new(options.Options, new SensitiveDataProtector(keys, 1, new byte[32]));
    }
}
