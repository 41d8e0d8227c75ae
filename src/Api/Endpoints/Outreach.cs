using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Channels;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Incubation;

namespace Sunshine.Api.Endpoints;

/// <summary>Incubation of disabled students and entrepreneurs (创业孵化).</summary>
public sealed class Incubations : IEndpointGroup
{
    public static string Prefix => "incubations";

    public static string Tag => "Incubation";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetIncubations)
            .WithName(nameof(GetIncubations))
            .WithSummary("Incubations in your scope (the person's or the incubator's county) by incubator, person, and in force on a date (programme.read).")
            .ProducesStandardProblems();
        group.MapPost(string.Empty, CreateIncubation).WithName(nameof(CreateIncubation))
            .WithSummary("Record that an incubator (an enterprise with the incubator role, or a base) incubates a registered person of your scope (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("{id:guid}/end", EndIncubation).WithName(nameof(EndIncubation))
            .WithSummary("End an incubation; lastDay is its last day (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<IncubationDto>>> GetIncubations([AsParameters] GetIncubationsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Created<IncubationDto>> CreateIncubation(CreateIncubationCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/incubations/{created.Id}", created);
    }

    private static async Task<Ok<IncubationDto>> EndIncubation(Guid id, LastDayRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EndIncubationCommand(id, request.LastDay), ct));
}

/// <summary>Government-purchased mentoring contracts and one-to-one sessions (政府购买服务、一对一帮扶).</summary>
public sealed class Mentoring : IEndpointGroup
{
    public static string Prefix => "mentoring";

    public static string Tag => "Incubation";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("contracts", GetMentoringContracts).WithName(nameof(GetMentoringContracts))
            .WithSummary("Mentoring contracts of your county and of the city (programme.read).").ProducesStandardProblems();
        group.MapPost("contracts", CreateMentoringContract).WithName(nameof(CreateMentoringContract))
            .WithSummary("Record a mentoring contract bought by your county, or by the city (city officers) (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("contracts/{id:guid}/beneficiaries", AddMentoringBeneficiary).WithName(nameof(AddMentoringBeneficiary))
            .WithSummary("Add a registered person of your scope as a beneficiary (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("sessions", GetMentoringSessions).WithName(nameof(GetMentoringSessions))
            .WithSummary("Mentoring sessions in your scope by person and contract (programme.read).").ProducesStandardProblems();
        group.MapPost("sessions", RecordMentoringSession).WithName(nameof(RecordMentoringSession))
            .WithSummary("Record a one-to-one session; under a contract the person is its beneficiary and the date in its period (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<MentoringContractDto>>> GetMentoringContracts([AsParameters] GetMentoringContractsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Created<MentoringContractDto>> CreateMentoringContract(CreateMentoringContractCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/mentoring/contracts/{created.Id}", created);
    }

    private static async Task<Ok<MentoringContractDto>> AddMentoringBeneficiary(Guid id, BeneficiaryRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AddMentoringBeneficiaryCommand(id, request.PersonId), ct));

    private static async Task<Ok<PagedList<MentoringSessionDto>>> GetMentoringSessions([AsParameters] GetMentoringSessionsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Created<MentoringSessionDto>> RecordMentoringSession(RecordMentoringSessionCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/mentoring/sessions/{created.Id}", created);
    }
}

/// <summary>A beneficiary to add.</summary>
public sealed record BeneficiaryRequest(Guid PersonId);

/// <summary>Offline channels: specialty zones and stores, exhibitions and sales events (线下专区专柜、展销活动).</summary>
public sealed class Channels : IEndpointGroup
{
    public static string Prefix => "channels";

    public static string Tag => "Channels";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("outlets", GetOutlets).WithName(nameof(GetOutlets))
            .WithSummary("Specialty zones and stores in your scope by county, location type and level (programme.read).").ProducesStandardProblems();
        group.MapGet("outlets/{id:guid}", GetOutlet).WithName(nameof(GetOutlet))
            .WithSummary("One outlet with its participants and the fees waived (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("outlets", CreateOutlet).WithName(nameof(CreateOutlet))
            .WithSummary("Register a specialty zone or store in a county (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("outlets/{id:guid}/participants", AddOutletParticipant).WithName(nameof(AddOutletParticipant))
            .WithSummary("A household, base or person of the outlet's county joins, with stall and entry fees waived and accessibility provided (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("exhibitions", GetExhibitions).WithName(nameof(GetExhibitions))
            .WithSummary("Exhibitions and sales events of your county and of the city, by mode and dates (programme.read).").ProducesStandardProblems();
        group.MapGet("exhibitions/{id:guid}", GetExhibition).WithName(nameof(GetExhibition))
            .WithSummary("One event with its participants, sales and funding (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("exhibitions", CreateExhibition).WithName(nameof(CreateExhibition))
            .WithSummary("Record an event organised by your county, or by the city (city officers) (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("exhibitions/{id:guid}/participants", AddExhibitionParticipant).WithName(nameof(AddExhibitionParticipant))
            .WithSummary("Add a participant and what they sold at the event (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("exhibitions/{id:guid}/results", RecordExhibitionResults).WithName(nameof(RecordExhibitionResults))
            .WithSummary("Record an ended event's sales and funding (amount and source) (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<OutletDto>>> GetOutlets([AsParameters] GetOutletsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<OutletDto>> GetOutlet(Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetOutletQuery(id), ct));

    private static async Task<Created<OutletDto>> CreateOutlet(CreateOutletCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/channels/outlets/{created.Id}", created);
    }

    private static async Task<Ok<OutletDto>> AddOutletParticipant(Guid id, OutletParticipantRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(
            new AddOutletParticipantCommand(id, request.Participant, request.JoinedOn, request.StallFeeWaived, request.EntryFeeWaived, request.Accessibility), ct));

    private static async Task<Ok<PagedList<ExhibitionDto>>> GetExhibitions([AsParameters] GetExhibitionsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<ExhibitionDto>> GetExhibition(Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetExhibitionQuery(id), ct));

    private static async Task<Created<ExhibitionDto>> CreateExhibition(CreateExhibitionCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/channels/exhibitions/{created.Id}", created);
    }

    private static async Task<Ok<ExhibitionDto>> AddExhibitionParticipant(Guid id, ExhibitionParticipantRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AddExhibitionParticipantCommand(id, request.Participant, request.Sales), ct));

    private static async Task<Ok<ExhibitionDto>> RecordExhibitionResults(Guid id, ExhibitionResultsRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordExhibitionResultsCommand(id, request.SalesAmount, request.FundingAmount, request.FundingSource), ct));
}

/// <summary>An outlet participant: exactly one of householdId, baseId, personId; fees waived in yuan.</summary>
public sealed record OutletParticipantRequest(ParticipantInput Participant, DateOnly JoinedOn, decimal StallFeeWaived, decimal EntryFeeWaived, string? Accessibility);

/// <summary>An event participant and what they sold at it (yuan).</summary>
public sealed record ExhibitionParticipantRequest(ParticipantInput Participant, decimal Sales);

/// <summary>An ended event's results.</summary>
public sealed record ExhibitionResultsRequest(decimal SalesAmount, decimal FundingAmount, string? FundingSource);
