using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Sales;
using Sunshine.Application.Shops;
using Sunshine.Domain.Shops;

namespace Sunshine.Api.Endpoints;

/// <summary>Online shops and their sales, as officers manage them.</summary>
public sealed class Shops : IEndpointGroup
{
    public static string Prefix => "shops";

    public static string Tag => "Shops";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetShops).WithName(nameof(GetShops))
            .WithSummary("Shops in your scope by county, platform, owner and status (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetShop).WithName(nameof(GetShop))
            .WithSummary("One shop; ETag header (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateShop).WithName(nameof(CreateShop))
            .WithSummary("Register a shop of a person or an enterprise on a partner platform (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateShop).WithName(nameof(UpdateShop))
            .WithSummary("Edit a shop; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/closure", CloseShop).WithName(nameof(CloseShop))
            .WithSummary("Close a shop on a date (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("{id:guid}/sales", GetShopSales).WithName(nameof(GetShopSales))
            .WithSummary("A shop's sales by period range (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("{id:guid}/sales", RecordSales).WithName(nameof(RecordSales))
            .WithSummary("Enter or correct a period's sales; staff figures count once another officer confirms them (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("sales/pending", GetPendingSales).WithName(nameof(GetPendingSales))
            .WithSummary("Staff-entered sales awaiting a second officer's confirmation, oldest first; canConfirm is false for your own entries (programme.read).")
            .ProducesStandardProblems();
        group.MapPost("sales/confirmation", ConfirmSalesBatch).WithName(nameof(ConfirmSalesBatch))
            .WithSummary("Confirm up to 500 staff-entered records at once: all or none; a failing item is named as ids[i] (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("sales/{salesId:guid}/confirmation", ConfirmSales).WithName(nameof(ConfirmSales))
            .WithSummary("Confirm staff-entered sales; not by the officer who entered them (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedList<ShopDto>>> GetShops([AsParameters] GetShopsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<ShopDto>> GetShop(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var shop = await sender.Send(new GetShopQuery(id), ct);
        response.SetETag(shop.Version);
        return TypedResults.Ok(shop);
    }

    private static async Task<Created<ShopDto>> CreateShop(CreateShopCommand command, ISender sender, CancellationToken ct)
    {
        var shop = await sender.Send(command, ct);
        return TypedResults.Created($"/api/shops/{shop.Id}", shop);
    }

    private static async Task<Ok<ShopDto>> UpdateShop(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ShopRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var shop = await sender.Send(new UpdateShopCommand(id, ETags.ParseIfMatch(ifMatch), request.Name, request.Url, request.Granularity, request.OpenedOn), ct);
        response.SetETag(shop.Version);
        return TypedResults.Ok(shop);
    }

    private static async Task<Ok<ShopDto>> CloseShop(Guid id, CloseShopRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CloseShopCommand(id, request.ClosedOn), ct));

    private static async Task<Ok<IReadOnlyList<SalesRecordDto>>> GetShopSales(Guid id, ISender sender, CancellationToken ct, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await sender.Send(new GetShopSalesQuery(id, from, to), ct));

    private static async Task<Ok<SalesRecordDto>> RecordSales(Guid id, SalesFiguresRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordSalesCommand(id, request.Period, request.OrderCount, request.Units, request.GrossAmount, request.Refunds), ct));

    private static async Task<Ok<PagedList<PendingSalesDto>>> GetPendingSales([AsParameters] GetPendingSalesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<SalesConfirmationResult>> ConfirmSalesBatch(ConfirmSalesBatchCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));

    private static async Task<Ok<SalesRecordDto>> ConfirmSales(Guid salesId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ConfirmSalesCommand(salesId), ct));
}

/// <summary>A shop's editable fields.</summary>
public sealed record ShopRequest(string Name, string? Url, ReportingGranularity Granularity, DateOnly OpenedOn);

/// <summary>When the shop closed.</summary>
public sealed record CloseShopRequest(DateOnly ClosedOn);

/// <summary>A period's figures: the period is a day (yyyy-MM-dd) or a month (yyyy-MM), as the shop reports.</summary>
public sealed record SalesFiguresRequest(string Period, int OrderCount, int Units, decimal GrossAmount, decimal Refunds);
