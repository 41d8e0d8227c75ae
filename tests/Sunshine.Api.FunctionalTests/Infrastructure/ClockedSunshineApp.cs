using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>
/// A host of its own (own database) whose clock the test moves: the application's <see cref="TimeProvider"/>
/// is a <see cref="FakeTimeProvider"/> that starts at the real time and moves only when told. Sessions are
/// timed by the same clock, so sign in again after moving it past their idle timeout.
/// </summary>
public class ClockedSunshineApp : SunshineApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
