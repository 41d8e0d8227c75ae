using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// Staff sessions are server-side records (ADR 0015): on a host whose clock the test moves, the idle limit (30 minutes)
/// and the absolute limit (8 hours) hold to the second on both sides, background polls do not count as activity, a
/// session ended on this instance (signed out, account disabled) refuses its cookie on the next request, and one ended
/// elsewhere once this instance's ten seconds of reusing the record it read are over.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly ClockedSunshineApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Advance(TimeSpan by) => _app.Clock.Advance(by);

    /// <summary>The clock's time as PostgreSQL keeps it (microseconds).</summary>
    private DateTimeOffset Now => Stored(_app.Clock.GetUtcNow());

    private static DateTimeOffset Stored(DateTimeOffset time) => new(time.Ticks - (time.Ticks % 10), time.Offset);

    private static Task<HttpResponseMessage> BackgroundPollAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add(StaffSessions.BackgroundHeader, "1");
        return client.SendAsync(request);
    }

    private Task<StaffSession> SessionOfAsync(Guid userId) =>
        _app.QueryAsync(db => db.StaffSessions.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).FirstAsync());

    [Fact]
    public async Task Idle_time_ends_the_session_after_30_minutes_not_before_and_me_reports_both_deadlines()
    {
        var (client, account) = await _app.SignInAsNewAsync(Roles.CityOfficer);
        var signedInAt = Now;

        var me = await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.Equal(signedInAt.AddMinutes(30), me.GetProperty("sessionIdleExpiresAt").GetDateTimeOffset());
        Assert.Equal(signedInAt.AddHours(8), me.GetProperty("sessionExpiresAt").GetDateTimeOffset());

        Advance(TimeSpan.FromSeconds(29 * 60 + 59));
        me = await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        var lastActive = Now;
        Assert.Equal(lastActive.AddMinutes(30), me.GetProperty("sessionIdleExpiresAt").GetDateTimeOffset());

        Advance(TimeSpan.FromSeconds(30 * 60 + 1));
        await (await client.GetAsync("/api/persons")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_idle_timeout");

        var session = await SessionOfAsync(account.Id);
        Assert.Equal(StaffSessionEndReasons.Idle, session.EndedReason);
        Assert.Equal(Now, session.EndedAt);

        // The cookie was deleted with the refusal; signing in again starts a new session.
        await (await client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        var again = await _app.SignInAsync(account);
        await (await again.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
    }

    [Fact]
    public async Task The_absolute_limit_ends_an_active_session_8_hours_after_sign_in_not_before()
    {
        var (client, account) = await _app.SignInAsNewAsync(Roles.CityOfficer);

        // Active all day: a request every 25 minutes up to 7:55, then one at 7:59:59.
        for (var i = 0; i < 19; i++)
        {
            Advance(TimeSpan.FromMinutes(25));
            await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        }

        Advance(TimeSpan.FromSeconds(4 * 60 + 59));
        await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();

        Advance(TimeSpan.FromSeconds(2));
        await (await client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_expired");
        Assert.Equal(StaffSessionEndReasons.Expired, (await SessionOfAsync(account.Id)).EndedReason);
    }

    [Fact]
    public async Task Background_polls_do_not_extend_the_idle_time_but_other_requests_do()
    {
        var (polled, _) = await _app.SignInAsNewAsync(Roles.CityOfficer);
        var (used, _) = await _app.SignInAsNewAsync(Roles.CityOfficer);
        var signedInAt = Now;

        Advance(TimeSpan.FromMinutes(20));
        var me = await (await BackgroundPollAsync(polled)).ShouldBeJsonAsync();
        Assert.Equal(signedInAt.AddMinutes(30), me.GetProperty("sessionIdleExpiresAt").GetDateTimeOffset());
        await (await used.GetAsync("/api/auth/me")).ShouldBeJsonAsync();

        Advance(TimeSpan.FromSeconds(10 * 60 + 1));
        await (await polled.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_idle_timeout");
        await (await used.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copy_of_the_cookie_is_refused()
    {
        var account = await _app.CreateAccountAsync(Roles.CityOfficer);
        var (client, cookie) = await SignInKeepingCookieAsync(account);
        await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out", null)).StatusCode);

        using var replay = ClientWith(cookie);
        await (await replay.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_ended");
        Assert.Equal(StaffSessionEndReasons.SignedOut, (await SessionOfAsync(account.Id)).EndedReason);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_live_session_at_the_next_request()
    {
        var account = await _app.CreateAccountAsync(Roles.CityOfficer);
        var (officer, cookie) = await SignInKeepingCookieAsync(account);
        var (admin, _) = await _app.SignInAsNewAsync(Roles.SystemAdmin);
        await (await officer.GetAsync("/api/persons")).ShouldBeJsonAsync();

        await (await admin.PostAsync($"/api/accounts/{account.Id}/disable", null)).ShouldBeJsonAsync();

        // No cache window: the very next request (and any copy of the cookie) is refused.
        await (await officer.GetAsync("/api/persons")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_ended");
        using var replay = ClientWith(cookie);
        await (await replay.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_ended");
        Assert.Equal(StaffSessionEndReasons.AccountDisabled, (await SessionOfAsync(account.Id)).EndedReason);
    }

    [Fact]
    public async Task Changing_the_own_password_keeps_the_session_and_its_limits()
    {
        var (client, account) = await _app.SignInAsNewAsync(Roles.CityOfficer);
        var before = await SessionOfAsync(account.Id);

        Advance(TimeSpan.FromMinutes(5));
        var changed = await client.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = SunshineApp.Password, newPassword = "Another-Passw0rd" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var me = await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.Equal(before.CreatedAt.AddHours(8), me.GetProperty("sessionExpiresAt").GetDateTimeOffset());
        Assert.Equal(1, await _app.QueryAsync(db => db.StaffSessions.CountAsync(s => s.UserId == account.Id)));
    }

    [Fact]
    public async Task A_burst_of_page_requests_reuses_the_session_read_and_writes_last_seen_once_and_reads_again_after_ten_seconds()
    {
        var (client, account) = await _app.SignInAsNewAsync(Roles.CityOfficer);
        var session = await SessionOfAsync(account.Id);
        Advance(TimeSpan.FromSeconds(11));

        using var commands = new SessionCommands(session.Id);
        await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/api/auth/me")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, commands.Reads);
        Assert.Equal(1, commands.Updates);
        Assert.Equal(1, commands.RowsWritten);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"21 requests: {commands.Reads} session read, {commands.Updates} conditional update, {commands.RowsWritten} row written");
        Assert.Equal(Now, (await SessionOfAsync(account.Id)).LastSeenAt);

        // The record read is reused for ten seconds, not a tick longer.
        Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(10));
        await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.Equal(1, commands.Reads);
        Advance(TimeSpan.FromTicks(10));
        await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.Equal(2, commands.Reads);
    }

    [Fact]
    public async Task A_session_ended_by_another_instance_stops_working_here_when_the_ten_seconds_of_reuse_are_over()
    {
        var (client, account) = await _app.SignInAsNewAsync(Roles.CityOfficer);
        await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        var session = await SessionOfAsync(account.Id);

        // Another instance ends it: the row changes behind this instance's back (this instance forgets at once what it ends itself).
        await _app.QueryAsync(db => db.StaffSessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, Now).SetProperty(s => s.EndedReason, StaffSessionEndReasons.SignedOut)));
        Advance(TimeSpan.FromSeconds(9));
        await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Advance(TimeSpan.FromSeconds(1));
        await (await client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_ended");
    }

    /// <summary>Counts the commands EF runs against one session's record, from its diagnostic events (the host runs in this process).</summary>
    private sealed class SessionCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _id;
        private readonly List<IDisposable> _subscriptions = [];
        private int _reads;
        private int _updates;
        private int _rows;

        public SessionCommands(Guid id)
        {
            _id = id.ToString();
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Reads => _reads;

        public int Updates => _updates;

        public int RowsWritten => _rows;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData data
                || !data.Command.CommandText.Contains("staff_sessions", StringComparison.Ordinal)
                || !data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => p.Value?.ToString() == _id))
            {
                return;
            }

            if (data.Command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _updates);
                Interlocked.Add(ref _rows, data.Result is int rows ? rows : 0);
            }
            else
            {
                Interlocked.Increment(ref _reads);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }

    /// <summary>Signs in with a client that keeps no cookie jar, so the test holds the session cookie itself.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInKeepingCookieAsync(TestAccount account)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sunshine.session=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return (client, cookie);
    }

    private HttpClient ClientWith(string cookie)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
