using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Registry;
using Sunshine.Application.Registry.CreatePerson;
using Sunshine.Application.Registry.DeactivatePerson;
using Sunshine.Application.Registry.GetPerson;
using Sunshine.Application.Registry.GetPersons;
using Sunshine.Application.Registry.RecordConsent;
using Sunshine.Application.Registry.RevealPerson;
using Sunshine.Application.Registry.UpdatePerson;
using Sunshine.Application.Registry.WithdrawConsent;
using Sunshine.Domain.Registry;

namespace Sunshine.Api.Endpoints;

/// <summary>The registry of disabled people. ID numbers, certificate numbers and phones are always masked; see reveal.</summary>
public sealed class Persons : IEndpointGroup
{
    public static string Prefix => "persons";

    public static string Tag => "Registry";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetPersons).WithName(nameof(GetPersons))
            .WithSummary("People in your scope, filtered, sorted and paged (programme.read).")
            .WithDescription("`idNumber` finds one person by the exact ID number. Sort: " + string.Join(", ", GetPersonsValidator.Sorts) + ".")
            .ProducesStandardProblems();
        group.MapGet("{id:guid}", GetPerson).WithName(nameof(GetPerson))
            .WithSummary("One person, masked; the ETag header carries its version (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreatePerson).WithName(nameof(CreatePerson))
            .WithSummary("Register a disabled person (programme.write). A second person with the same ID number is 409.")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdatePerson).WithName(nameof(UpdatePerson))
            .WithSummary("Replace a person's details; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/deactivation", DeactivatePerson).WithName(nameof(DeactivatePerson))
            .WithSummary("Record that the person died or moved away; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/reveal", RevealPerson).WithName(nameof(RevealPerson))
            .WithSummary("Reveal the full ID number, certificate number and phone, with a reason (pii.reveal). Audited.")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id:guid}/consents", RecordConsent).WithName(nameof(RecordConsent))
            .WithSummary("Record a consent the person gave (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("{id:guid}/consents/{scope}/withdrawal", WithdrawConsent).WithName(nameof(WithdrawConsent))
            .WithSummary("Record that the person withdrew a consent (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<PersonListItemDto>>> GetPersons([AsParameters] GetPersonsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<PersonDto>> GetPerson(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var person = await sender.Send(new GetPersonQuery(id), ct);
        response.SetETag(person.Version);
        return TypedResults.Ok(person);
    }

    private static async Task<Created<PersonDto>> CreatePerson(CreatePersonCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var person = await sender.Send(command, ct);
        response.SetETag(person.Version);
        return TypedResults.Created($"/api/persons/{person.Id}", person);
    }

    private static async Task<Ok<PersonDto>> UpdatePerson(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, UpdatePersonRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var person = await sender.Send(
            new UpdatePersonCommand(id, ETags.ParseIfMatch(ifMatch), request.Name, request.IdNumber, request.CertificateNumber, request.CountyId,
                request.Township, request.Village, request.Registration, request.Phone, request.Tags),
            ct);
        response.SetETag(person.Version);
        return TypedResults.Ok(person);
    }

    private static async Task<Ok<PersonDto>> DeactivatePerson(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, DeactivatePersonRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var person = await sender.Send(new DeactivatePersonCommand(id, ETags.ParseIfMatch(ifMatch), request.Status, request.On), ct);
        response.SetETag(person.Version);
        return TypedResults.Ok(person);
    }

    private static async Task<Ok<PersonSensitiveDataDto>> RevealPerson(Guid id, RevealRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var revealed = await sender.Send(new RevealPersonCommand(id, request.Reason), ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(revealed);
    }

    private static async Task<Ok<PersonDto>> RecordConsent(Guid id, RecordConsentRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordConsentCommand(id, request.Scope, request.GivenOn), ct));

    private static async Task<Ok<PersonDto>> WithdrawConsent(Guid id, ConsentScope scope, WithdrawConsentRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new WithdrawConsentCommand(id, scope, request.WithdrawnOn), ct));
}

/// <summary>
/// A person's editable details. The sensitive numbers are sent only to change them: null keeps the
/// current value; an empty phone removes it; a new ID number needs its certificate number.
/// </summary>
public sealed record UpdatePersonRequest(
    string Name,
    string? IdNumber,
    string? CertificateNumber,
    Guid CountyId,
    string? Township,
    string? Village,
    HouseholdRegistration Registration,
    string? Phone,
    IReadOnlyList<PersonTags>? Tags);

/// <summary>Why the person's record ends, and when.</summary>
public sealed record DeactivatePersonRequest(PersonStatus Status, DateOnly On);

/// <summary>Why the sensitive values are needed (written to the audit trail).</summary>
public sealed record RevealRequest(string Reason);

/// <summary>Which consent was given, and when.</summary>
public sealed record RecordConsentRequest(ConsentScope Scope, DateOnly GivenOn);

/// <summary>When the consent was withdrawn.</summary>
public sealed record WithdrawConsentRequest(DateOnly WithdrawnOn);
