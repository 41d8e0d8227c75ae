using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Partners;
using Sunshine.Infrastructure.Partners;

namespace Sunshine.Api.Hosting;

/// <summary>Marks a partner write that needs an <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentWriteMetadata;

/// <summary>
/// Idempotent partner writes. The <c>Idempotency-Key</c> header is required (400 without). The key is
/// claimed for the calling client before the request runs; a second request with the key while it
/// runs gets 409; once answered, the same key with the same method, path and body gets the stored
/// answer again byte for byte (and <c>Idempotent-Replayed: true</c>), with anything else 422. Only
/// answers that reflect a write are stored — success, and 422 refusals (an audited attempt) —;
/// a request refused before it wrote anything (400, 404, 409, 412) gives the key back, so the
/// client can correct it and send it again under the same key. Keys last 24 hours.
/// </summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>Request bodies up to this size are buffered in memory for hashing and the endpoint, larger ones in a temporary file.</summary>
    private const long MaxInMemoryBodyBytes = 8 * 1024 * 1024;

    /// <summary>The response headers a replay repeats.</summary>
    private static readonly string[] ReplayedHeaders = ["Location", "ETag"];

    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentWriteMetadata())
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    public static IApplicationBuilder UseIdempotentWrites(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentWriteMetadata>() is null)
            {
                await next(context);
                return;
            }

            await RunAsync(context, next);
        });

    private static async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        var ct = context.RequestAborted;
        var user = context.RequestServices.GetRequiredService<ICurrentUser>();
        var scopes = context.GetEndpoint()?.Metadata.GetMetadata<Endpoints.PartnerScopeMetadata>()?.Scopes ?? [];
        if (user.Id is not { } clientId || !scopes.Any(scope => user.HasPermission(PartnerScopeNames.PermissionOf(scope))))
        {
            // Authorization comes first: the use case refuses a caller without the scope (403) whatever the key.
            await next(context);
            return;
        }

        if (!TryReadKey(context.Request.Headers[HeaderName], out var key, out var problem))
        {
            await ProblemDetailsExceptionHandler.Write(context, ProblemDetailsExceptionHandler.Problem(context, 400, problem.Code, problem.Detail, HeaderName), ct);
            return;
        }

        var hash = await HashRequestAsync(context, ct);
        var store = context.RequestServices.GetRequiredService<IdempotencyStore>();
        switch (await store.ClaimAsync(clientId, key, hash, ct))
        {
            case IdempotencyClaim.Mismatch:
                await ProblemDetailsExceptionHandler.Write(context, ProblemDetailsExceptionHandler.Problem(context, 422, "idempotency.key_reused",
                    "This Idempotency-Key was used with a different request in the last 24 hours: use a new key for a new request.", HeaderName), ct);
                return;
            case IdempotencyClaim.InProgress:
                await ProblemDetailsExceptionHandler.Write(context, ProblemDetailsExceptionHandler.Problem(context, 409, "idempotency.in_progress",
                    "A request with this Idempotency-Key is being processed: wait for it, then send again to get its answer.", HeaderName), ct);
                return;
            case IdempotencyClaim.Replay replay:
                await ReplayAsync(context, replay, ct);
                return;
        }

        await ExecuteAsync(context, next, store, clientId, key);
    }

    private static async Task ExecuteAsync(HttpContext context, RequestDelegate next, IdempotencyStore store, Guid clientId, string key)
    {
        // The answer is kept even if the caller hangs up: it must be there when the caller retries.
        var ct = CancellationToken.None;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (ProblemDetailsExceptionHandler.Map(exception, context) is { Status: < 500 } problem)
            {
                // Mapped here rather than by the outer handler, so the answer can be stored.
                buffer.SetLength(0);
                context.Response.Headers.Remove("Location");
                context.Response.Headers.ETag = StringValues.Empty;
                await ProblemDetailsExceptionHandler.Write(context, problem, ct);
            }
        }
        catch
        {
            context.Response.Body = original;
            await store.ReleaseAsync(clientId, key, ct);
            throw;
        }

        context.Response.Body = original;
        var status = context.Response.StatusCode;
        var body = buffer.ToArray();
        if (status is >= 200 and < 300 or StatusCodes.Status422UnprocessableEntity)
        {
            await store.CompleteAsync(clientId, key, status, context.Response.ContentType, body, HeadersToKeep(context.Response), ct);
        }
        else
        {
            await store.ReleaseAsync(clientId, key, ct);
        }

        await original.WriteAsync(body, ct);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyClaim.Replay replay, CancellationToken ct)
    {
        context.Response.StatusCode = replay.Status;
        if (replay.ContentType is not null)
        {
            context.Response.ContentType = replay.ContentType;
        }

        if (replay.Headers is not null)
        {
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(replay.Headers) ?? [])
            {
                context.Response.Headers[name] = value;
            }
        }

        context.Response.Headers[ReplayedHeaderName] = "true";
        context.Response.ContentLength = replay.Body.Length;
        await context.Response.Body.WriteAsync(replay.Body, ct);
    }

    private static string? HeadersToKeep(HttpResponse response)
    {
        var kept = ReplayedHeaders.Where(h => response.Headers.ContainsKey(h)).ToDictionary(h => h, h => response.Headers[h].ToString());
        return kept.Count == 0 ? null : JsonSerializer.Serialize(kept);
    }

    private static bool TryReadKey(StringValues header, out string key, out (string Code, string Detail) problem)
    {
        key = header.ToString().Trim();
        problem = default;
        if (header.Count == 0 || key.Length == 0)
        {
            problem = ("idempotency.key_missing", "Send an Idempotency-Key header (a unique value per request, e.g. a UUID) with every partner write.");
            return false;
        }

        if (header.Count > 1 || key.Length > IdempotencyStore.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            problem = ("idempotency.key_invalid", $"The Idempotency-Key is 1 to {IdempotencyStore.MaxKeyLength} visible ASCII characters, sent once.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// SHA-256 over the method, path, query and body bytes: "the same request" means byte for byte.
    /// The body is kept for the endpoint in memory up to the endpoint's size limit (which
    /// <see cref="RequestBodyLimit"/> has already enforced); the default threshold of 30 KB would write
    /// every sales batch to a temporary file and read it back.
    /// </summary>
    private static async Task<byte[]> HashRequestAsync(HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? RequestBodyLimit.DefaultBytes;
        request.EnableBuffering(bufferThreshold: (int)Math.Min(limit, MaxInMemoryBodyBytes));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                hash.AppendData(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
