using System.Security.Cryptography;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sunshine.Api.Hosting;
using Sunshine.Application.Catalogue;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Evidence;
using Sunshine.Application.Partners;
using Sunshine.Application.Sales;
using Sunshine.Application.Shops;
using Sunshine.Domain.Common;
using Sunshine.Domain.Shops;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// The partner platform API (<c>/api/partner/v1</c>), for platforms' own systems with a client
/// credentials token: their sellers' shops, their sales, and the priority products catalogue. A
/// client sees only its own platform's shops; writes need an <c>Idempotency-Key</c>. See
/// docs/partner-api.md.
/// </summary>
public sealed class PartnerApi : IEndpointGroup
{
    public static string Prefix => "partner/v1";

    public static string Tag => "Partner API";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapPost("shops", RegisterPartnerShop).WithName(nameof(RegisterPartnerShop))
            .WithSummary("Register a seller's shop; the seller is identified by certificate number and name (scope shops.write).")
            .WithDescription(
                "The seller must be an active registered disabled person whose certificate number and name both match and who agreed to " +
                "sharing with partner platforms. Whatever does not match, the answer is the same 422 `seller.not_verified`; attempts are " +
                "audited and limited per client. Requires `Idempotency-Key`.")
            .WithPartnerScope(PartnerScopeNames.ShopsWrite).RequireIdempotencyKey().RequireRateLimiting(RateLimits.SellerVerification)
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status429TooManyRequests);
        group.MapGet("shops", GetPartnerShops).WithName(nameof(GetPartnerShops))
            .WithSummary("Your platform's shops, by your shop id (scope shops.write or sales.write).")
            .WithPartnerScope(PartnerScopeNames.ShopsWrite, PartnerScopeNames.SalesWrite)
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status429TooManyRequests);
        group.MapPatch("shops/{platformShopId}", UpdatePartnerShop).WithName(nameof(UpdatePartnerShop))
            .WithSummary("Rename a shop, change its address, or close it; fields left out stay (scope shops.write).")
            .WithDescription("`platformShopId` is your platform's shop id. Requires `Idempotency-Key`.")
            .WithPartnerScope(PartnerScopeNames.ShopsWrite).RequireIdempotencyKey()
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        group.MapPut("sales", SubmitPartnerSales).WithName(nameof(SubmitPartnerSales))
            .WithSummary("Report sales: 1 to 1,000 records, each an upsert on (shop, period); all or nothing (scope sales.write).")
            .WithDescription(
                "A period is a day (`yyyy-MM-dd`) for daily shops or a month (`yyyy-MM`) for monthly ones. Amounts are yuan with at most two " +
                "decimals, never negative; net = gross − refunds. A re-sent period replaces the figures and the old ones are kept in the " +
                "history. Any invalid record refuses the whole batch and names it (`records[i]`). Requires `Idempotency-Key`.")
            .WithPartnerScope(PartnerScopeNames.SalesWrite).RequireIdempotencyKey()
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status429TooManyRequests);
        group.MapGet("sales", GetPartnerSales).WithName(nameof(GetPartnerSales))
            .WithSummary("Your sales of one shop by period range, to reconcile (scope sales.write).")
            .WithPartnerScope(PartnerScopeNames.SalesWrite)
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        group.MapPost("employment", ReportPartnerEmployment).WithName(nameof(ReportPartnerEmployment))
            .WithSummary("Report that your enterprise employs a registered disabled person, named by certificate number and name (scope employment.write).")
            .WithDescription(
                "The employee is verified like a seller: any mismatch, an inactive person or missing consent to sharing with partner platforms is " +
                "the same 422 `employee.not_verified`; attempts are audited and limited per client. A second period overlapping one already " +
                "recorded is 409 `employment.overlapping`. Requires `Idempotency-Key`.")
            .WithPartnerScope(PartnerScopeNames.EmploymentWrite).RequireIdempotencyKey().RequireRateLimiting(RateLimits.SellerVerification)
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);
        group.MapGet("employment", GetPartnerEmployment).WithName(nameof(GetPartnerEmployment))
            .WithSummary("Your enterprise's employment records, newest first, optionally in force on a date (scope employment.write).")
            .WithPartnerScope(PartnerScopeNames.EmploymentWrite)
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status429TooManyRequests);
        group.MapPost("employment/{id:guid}/end", EndPartnerEmployment).WithName(nameof(EndPartnerEmployment))
            .WithSummary("Record that one of your employments ended; lastDay is the last day worked (scope employment.write).")
            .WithDescription("Requires `Idempotency-Key`.")
            .WithPartnerScope(PartnerScopeNames.EmploymentWrite).RequireIdempotencyKey()
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);
        group.MapGet("products", GetCatalogue).WithName(nameof(GetCatalogue))
            .WithSummary("The priority products catalogue, oldest change first; removed products as tombstones (scope catalog.read).")
            .WithDescription(
                "Follow changes with `updatedSince` = the last page's `lastUpdatedAt`. Without `updatedSince` only current products are listed. " +
                "Send the `ETag` back in `If-None-Match` to get 304 when nothing changed.")
            .WithPartnerScope(PartnerScopeNames.CatalogRead)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Created<PartnerShopDto>> RegisterPartnerShop(PartnerShopRequest request, ISender sender, CancellationToken ct)
    {
        var registration = await sender.Send(
            new RegisterPartnerShopCommand(request.PlatformShopId, request.Name, request.Url, request.Granularity, request.OpenedOn, request.Seller), ct);

        // The refused attempt's audit row is committed; the answer says only that the seller was not verified.
        var shop = registration.Shop ?? throw new DomainException("seller.not_verified",
            "The seller could not be verified: check the certificate number and name, and that the seller agreed to sharing with platforms.", field: "seller");
        return TypedResults.Created($"/api/partner/v1/shops/{Uri.EscapeDataString(shop.PlatformShopId)}", shop);
    }

    private static async Task<Ok<PagedList<PartnerShopDto>>> GetPartnerShops([AsParameters] GetPartnerShopsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<PartnerShopDto>> UpdatePartnerShop(string platformShopId, PartnerShopPatch request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdatePartnerShopCommand(platformShopId, request.Name, request.Url, request.ClosedOn), ct));

    private static async Task<Ok<PartnerSalesBatchResult>> SubmitPartnerSales(PartnerSalesBatch request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SubmitPartnerSalesCommand(request.Records ?? []), ct));

    private static async Task<Ok<IReadOnlyList<SalesRecordDto>>> GetPartnerSales(
        [AsParameters] GetPartnerSalesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Created<PartnerEmploymentDto>> ReportPartnerEmployment(PartnerEmploymentRequest request, ISender sender, CancellationToken ct)
    {
        var record = await sender.Send(
            new ReportPartnerEmploymentCommand(request.Employee, request.JobCategory, request.HoursType, request.StartDate, request.EndDate), ct)
            ?? throw new DomainException("employee.not_verified",
                "The employee could not be verified: check the certificate number and name, and that the person agreed to sharing with platforms.", field: "employee");
        return TypedResults.Created($"/api/partner/v1/employment/{record.Id}", record);
    }

    private static async Task<Ok<PagedList<PartnerEmploymentDto>>> GetPartnerEmployment([AsParameters] GetPartnerEmploymentQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<PartnerEmploymentDto>> EndPartnerEmployment(Guid id, LastDayRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EndPartnerEmploymentCommand(id, request.LastDay), ct));

    private static async Task<Results<Ok<CataloguePageDto>, StatusCodeHttpResult>> GetCatalogue(
        [AsParameters] GetCatalogueQuery query, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, ISender sender,
        HttpResponse response, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var page = await sender.Send(query, ct);

        // The tag is the content's: a change of consent or region name changes it as surely as an edit.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(page, json.Value.SerializerOptions);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "private, no-cache";
        var matches = ifNoneMatch?.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "*" || t == "W/" + etag) == true;
        return matches ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(page);
    }
}

/// <summary>A seller's shop to register: your shop id, its details, and who the seller is.</summary>
/// <param name="PlatformShopId">Your platform's id of the shop: 1 to 100 letters, digits or - . _ ~.</param>
/// <param name="Name">The shop's name.</param>
/// <param name="Url">The shop's address, http(s).</param>
/// <param name="Granularity">How you will report its sales: daily or monthly.</param>
/// <param name="OpenedOn">When it opened.</param>
/// <param name="Seller">The seller's disability certificate number and name, as on the certificate; never returned.</param>
public sealed record PartnerShopRequest(string PlatformShopId, string Name, string? Url, ReportingGranularity Granularity, DateOnly OpenedOn, SellerIdentity Seller);

/// <summary>The changes to a shop; fields left out stay as they are.</summary>
public sealed record PartnerShopPatch(string? Name, string? Url, DateOnly? ClosedOn);

/// <summary>An employment of a registered disabled person by your enterprise.</summary>
/// <param name="Employee">The employee's disability certificate number and name, as on the certificate; never returned.</param>
/// <param name="JobCategory">The job category.</param>
/// <param name="HoursType">Full-time, part-time or flexible.</param>
/// <param name="StartDate">The first day of work.</param>
/// <param name="EndDate">The last day of work, if it has ended.</param>
public sealed record PartnerEmploymentRequest(SellerIdentity Employee, Domain.Evidence.JobCategory JobCategory, Domain.Evidence.HoursType HoursType, DateOnly StartDate, DateOnly? EndDate);

/// <summary>A batch of sales records, 1 to 1,000.</summary>
public sealed record PartnerSalesBatch(IReadOnlyList<PartnerSalesRecord>? Records);

/// <summary>OpenAPI metadata: the OAuth scope a partner endpoint needs (any of several).</summary>
public sealed record PartnerScopeMetadata(IReadOnlyList<string> Scopes);

internal static class PartnerEndpointConventions
{
    public static RouteHandlerBuilder WithPartnerScope(this RouteHandlerBuilder builder, params string[] scopes) =>
        builder.WithMetadata(new PartnerScopeMetadata(scopes));
}
