using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Registry;
using Sunshine.Application.Registry.AddHouseholdMember;
using Sunshine.Application.Registry.ChangeHouseholdHead;
using Sunshine.Application.Registry.CreateHousehold;
using Sunshine.Application.Registry.GetHousehold;
using Sunshine.Application.Registry.GetHouseholds;
using Sunshine.Application.Registry.RecordHouseholdIncome;
using Sunshine.Application.Registry.RemoveHouseholdMember;
using Sunshine.Application.Registry.UpdateHousehold;
using Sunshine.Domain.Registry;

namespace Sunshine.Api.Endpoints;

/// <summary>Households: members, registered-poor status (建档立卡), poverty exit and income.</summary>
public sealed class Households : IEndpointGroup
{
    public static string Prefix => "households";

    public static string Tag => "Registry";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetHouseholds).WithName(nameof(GetHouseholds))
            .WithSummary("Households in your scope, filtered, sorted and paged (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetHousehold).WithName(nameof(GetHousehold))
            .WithSummary("One household with members and income history; ETag header (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateHousehold).WithName(nameof(CreateHousehold))
            .WithSummary("Start a household with its head (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateHousehold).WithName(nameof(UpdateHousehold))
            .WithSummary("Update address, registered-poor status, poverty exit and baseline; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/members", AddHouseholdMember).WithName(nameof(AddHouseholdMember))
            .WithSummary("Add a member: a registry person or a family member by name (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("{id:guid}/members/{memberId:guid}", RemoveHouseholdMember).WithName(nameof(RemoveHouseholdMember))
            .WithSummary("Remove a member who is not the head (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/head", ChangeHouseholdHead).WithName(nameof(ChangeHouseholdHead))
            .WithSummary("Make another member the head (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}/income/{year:int}", RecordHouseholdIncome).WithName(nameof(RecordHouseholdIncome))
            .WithSummary("Record or correct a year's per-capita net income in yuan (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<HouseholdListItemDto>>> GetHouseholds([AsParameters] GetHouseholdsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<HouseholdDto>> GetHousehold(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var household = await sender.Send(new GetHouseholdQuery(id), ct);
        response.SetETag(household.Version);
        return TypedResults.Ok(household);
    }

    private static async Task<Created<HouseholdDto>> CreateHousehold(CreateHouseholdCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var household = await sender.Send(command, ct);
        response.SetETag(household.Version);
        return TypedResults.Created($"/api/households/{household.Id}", household);
    }

    private static async Task<Ok<HouseholdDto>> UpdateHousehold(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, UpdateHouseholdRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var household = await sender.Send(
            new UpdateHouseholdCommand(id, ETags.ParseIfMatch(ifMatch), request.Township, request.Village, request.IsRegisteredPoor,
                request.RegisteredPoorYear, request.PoorHouseholdNumber, request.PovertyExitDate, request.BaselineYear, request.BaselinePerCapitaIncome),
            ct);
        response.SetETag(household.Version);
        return TypedResults.Ok(household);
    }

    private static async Task<Ok<HouseholdDto>> AddHouseholdMember(Guid id, AddHouseholdMemberRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AddHouseholdMemberCommand(id, request.PersonId, request.Name, request.Relation), ct));

    private static async Task<Ok<HouseholdDto>> RemoveHouseholdMember(Guid id, Guid memberId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RemoveHouseholdMemberCommand(id, memberId), ct));

    private static async Task<Ok<HouseholdDto>> ChangeHouseholdHead(Guid id, ChangeHouseholdHeadRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangeHouseholdHeadCommand(id, request.MemberId, request.FormerHeadRelation), ct));

    private static async Task<Ok<HouseholdDto>> RecordHouseholdIncome(Guid id, int year, RecordIncomeRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordHouseholdIncomeCommand(id, year, request.PerCapitaIncome), ct));
}

/// <summary>A household's editable fields.</summary>
public sealed record UpdateHouseholdRequest(
    string? Township,
    string? Village,
    bool IsRegisteredPoor,
    int? RegisteredPoorYear,
    string? PoorHouseholdNumber,
    DateOnly? PovertyExitDate,
    int? BaselineYear,
    decimal? BaselinePerCapitaIncome);

/// <summary>A new member: <c>personId</c> for a registry person, or <c>name</c> for a family member.</summary>
public sealed record AddHouseholdMemberRequest(Guid? PersonId, string? Name, HouseholdRelation Relation);

/// <summary>The member who becomes head, and the relation the former head takes.</summary>
public sealed record ChangeHouseholdHeadRequest(Guid MemberId, HouseholdRelation FormerHeadRelation);

/// <summary>A year's per-capita net income, in yuan with at most 2 decimals.</summary>
public sealed record RecordIncomeRequest(decimal PerCapitaIncome);
