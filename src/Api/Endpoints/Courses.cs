using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Training;
using Sunshine.Application.Training.CompleteEnrolment;
using Sunshine.Application.Training.CreateCourse;
using Sunshine.Application.Training.DropEnrolment;
using Sunshine.Application.Training.EnrolParticipant;
using Sunshine.Application.Training.GetCourse;
using Sunshine.Application.Training.GetCourses;
using Sunshine.Application.Training.GetEnrolments;
using Sunshine.Application.Training.GetTrainedPeople;
using Sunshine.Application.Training.UpdateCourse;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Training;

namespace Sunshine.Api.Endpoints;

/// <summary>E-commerce training courses and their enrolments (measure 1).</summary>
public sealed class Courses : IEndpointGroup
{
    public static string Prefix => "courses";

    public static string Tag => "Training";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetCourses).WithName(nameof(GetCourses))
            .WithSummary("Courses you can see: your county's and the city's (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetCourse).WithName(nameof(GetCourse))
            .WithSummary("One course; ETag header (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateCourse).WithName(nameof(CreateCourse))
            .WithSummary("Create a course: county officers county courses, city officers city courses (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateCourse).WithName(nameof(UpdateCourse))
            .WithSummary("Edit a course you organise; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapGet("{id:guid}/enrolments", GetEnrolments).WithName(nameof(GetEnrolments))
            .WithSummary("The course's enrolments of your county's people (city officers: all) (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id:guid}/enrolments", EnrolParticipant).WithName(nameof(EnrolParticipant))
            .WithSummary("Enrol a disabled person, a family member of one, or a specialist committee member (programme.write). A full course is 409.")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("enrolments/{enrolmentId:guid}/completion", CompleteEnrolment).WithName(nameof(CompleteEnrolment))
            .WithSummary("Mark an enrolment completed, with the certificate obtained (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("enrolments/{enrolmentId:guid}/drop", DropEnrolment).WithName(nameof(DropEnrolment))
            .WithSummary("Record that a participant dropped out; the place is freed (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("trained-people", GetTrainedPeople).WithName(nameof(GetTrainedPeople))
            .WithSummary("Trained people in a period: distinct disabled persons who completed, city-wide and by county (programme.read).")
            .ProducesStandardProblems();
    }

    private static async Task<Ok<PagedList<CourseDto>>> GetCourses([AsParameters] GetCoursesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<CourseDto>> GetCourse(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var course = await sender.Send(new GetCourseQuery(id), ct);
        response.SetETag(course.Version);
        return TypedResults.Ok(course);
    }

    private static async Task<Created<CourseDto>> CreateCourse(CreateCourseCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var course = await sender.Send(command, ct);
        response.SetETag(course.Version);
        return TypedResults.Created($"/api/courses/{course.Id}", course);
    }

    private static async Task<Ok<CourseDto>> UpdateCourse(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, CourseRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var course = await sender.Send(
            new UpdateCourseCommand(id, ETags.ParseIfMatch(ifMatch), request.Title, request.Topics, request.Audience, request.ProviderType, request.ProviderName,
                request.PartnerPlatform, request.StartDate, request.EndDate, request.Capacity, request.FeeModel),
            ct);
        response.SetETag(course.Version);
        return TypedResults.Ok(course);
    }

    private static async Task<Ok<IReadOnlyList<EnrolmentDto>>> GetEnrolments(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetEnrolmentsQuery(id), ct));

    private static async Task<Created<EnrolmentDto>> EnrolParticipant(Guid id, EnrolRequest request, ISender sender, CancellationToken ct)
    {
        var enrolment = await sender.Send(
            new EnrolParticipantCommand(id, request.Kind, request.PersonId, request.Name, request.Relation, request.CountyId, request.CommitteeRole), ct);
        return TypedResults.Created($"/api/courses/{id}/enrolments", enrolment);
    }

    private static async Task<Ok<EnrolmentDto>> CompleteEnrolment(Guid enrolmentId, CompleteEnrolmentRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CompleteEnrolmentCommand(enrolmentId, request.CompletedOn, request.CertificateName, request.CertificateNumber), ct));

    private static async Task<Ok<EnrolmentDto>> DropEnrolment(Guid enrolmentId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DropEnrolmentCommand(enrolmentId), ct));

    private static async Task<Ok<TrainedPeopleDto>> GetTrainedPeople([AsParameters] GetTrainedPeopleQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));
}

/// <summary>A course's editable fields.</summary>
public sealed record CourseRequest(
    string Title,
    IReadOnlyList<CourseTopic> Topics,
    AudienceTrack Audience,
    ProviderType ProviderType,
    string ProviderName,
    string? PartnerPlatform,
    DateOnly StartDate,
    DateOnly EndDate,
    int Capacity,
    FeeModel FeeModel);

/// <summary>Who to enrol: see the operation's description for the fields each kind needs.</summary>
public sealed record EnrolRequest(EnrolmentKind Kind, Guid? PersonId, string? Name, HouseholdRelation? Relation, Guid? CountyId, string? CommitteeRole);

/// <summary>When the participant completed, and the certificate they obtained (both name and number, or neither).</summary>
public sealed record CompleteEnrolmentRequest(DateOnly CompletedOn, string? CertificateName, string? CertificateNumber);
