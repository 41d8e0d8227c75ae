using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Catalogue;
using Sunshine.Application.Common.Paging;
using Sunshine.Domain.Catalogue;

namespace Sunshine.Api.Endpoints;

/// <summary>The priority products catalogue (重点推介产品), managed by officers.</summary>
public sealed class Products : IEndpointGroup
{
    public static string Prefix => "products";

    public static string Tag => "Catalogue";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetProducts).WithName(nameof(GetProducts))
            .WithSummary("Products in your scope (programme.read).").ProducesStandardProblems();
        group.MapPost(string.Empty, CreateProduct).WithName(nameof(CreateProduct))
            .WithSummary("Add a product of a registered-poor household or a base (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateProduct).WithName(nameof(UpdateProduct))
            .WithSummary("Edit a product; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/removal", RemoveProduct).WithName(nameof(RemoveProduct))
            .WithSummary("Remove a product; partners see a tombstone (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedList<ProductDto>>> GetProducts([AsParameters] GetProductsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Created<ProductDto>> CreateProduct(CreateProductCommand command, ISender sender, CancellationToken ct)
    {
        var product = await sender.Send(command, ct);
        return TypedResults.Created($"/api/products/{product.Id}", product);
    }

    private static async Task<Ok<ProductDto>> UpdateProduct(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ProductRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var product = await sender.Send(
            new UpdateProductCommand(id, ETags.ParseIfMatch(ifMatch), request.Name, request.Category, request.Price, request.Unit, request.Description, request.Availability), ct);
        response.SetETag(product.Version);
        return TypedResults.Ok(product);
    }

    private static async Task<Ok<ProductDto>> RemoveProduct(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RemoveProductCommand(id), ct));
}

/// <summary>A product's editable fields.</summary>
public sealed record ProductRequest(string Name, ProductCategory Category, decimal Price, string Unit, string? Description, ProductAvailability Availability);
