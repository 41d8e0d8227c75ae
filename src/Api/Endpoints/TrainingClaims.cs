using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Attachments;
using Sunshine.Application.Attachments.AddAttachment;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Training;
using Sunshine.Application.Training.CreateTrainingClaim;
using Sunshine.Application.Training.GetTrainingClaim;
using Sunshine.Application.Training.GetTrainingClaims;
using Sunshine.Application.Training.UpdateTrainingClaim;
using Sunshine.Domain.Attachments;

namespace Sunshine.Api.Endpoints;

/// <summary>Training subsidy claims (培训补贴): their facts and documents; the workflow is under /api/benefits with the same id.</summary>
public sealed class TrainingClaims : IEndpointGroup
{
    public static string Prefix => "training-claims";

    public static string Tag => "Training";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetTrainingClaims).WithName(nameof(GetTrainingClaims))
            .WithSummary("Training subsidy claims in your scope (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetTrainingClaim).WithName(nameof(GetTrainingClaim))
            .WithSummary("A claim with its decision explained criterion by criterion, its history and documents (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateTrainingClaim).WithName(nameof(CreateTrainingClaim))
            .WithSummary("Start a claim (a draft) for a person of your county (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateTrainingClaim).WithName(nameof(UpdateTrainingClaim))
            .WithSummary("Correct a draft claim; send its ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/attachments", AddClaimAttachment).WithName(nameof(AddClaimAttachment))
            .WithSummary("Attach the certificate or the receipt: PDF, JPEG or PNG up to 5 MB (programme.write).")
            .DisableAntiforgery()
            .WithRequestSizeLimit(AttachmentRule.Evidence.MaxBytes + (64 * 1024))
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<TrainingClaimListItemDto>>> GetTrainingClaims([AsParameters] GetTrainingClaimsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<TrainingClaimDto>> GetTrainingClaim(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var claim = await sender.Send(new GetTrainingClaimQuery(id), ct);
        response.SetETag(claim.Version);
        return TypedResults.Ok(claim);
    }

    private static async Task<Created<TrainingClaimDto>> CreateTrainingClaim(CreateTrainingClaimCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var claim = await sender.Send(command, ct);
        response.SetETag(claim.Version);
        return TypedResults.Created($"/api/training-claims/{claim.Id}", claim);
    }

    private static async Task<Ok<TrainingClaimDto>> UpdateTrainingClaim(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, TrainingClaimRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var claim = await sender.Send(
            new UpdateTrainingClaimCommand(id, ETags.ParseIfMatch(ifMatch), request.ProviderName, request.CourseName, request.TrainingStart, request.TrainingEnd,
                request.FeePaid, request.FeeCharging, request.ReceiptNumber, request.QualificationCode, request.CertificateNumber, request.CertificateDate,
                request.IssuingAuthority),
            ct);
        response.SetETag(claim.Version);
        return TypedResults.Ok(claim);
    }

    private static async Task<Created<AttachmentDto>> AddClaimAttachment(Guid id, IFormFile file, AttachmentKind kind, ISender sender, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var attachment = await sender.Send(new AddAttachmentCommand(TrainingClaimQueries.AttachmentOwner, id, kind, file.FileName, buffer.ToArray()), ct);
        return TypedResults.Created($"/api/attachments/{attachment.Id}", attachment);
    }
}

/// <summary>A claim's facts.</summary>
public sealed record TrainingClaimRequest(
    string ProviderName,
    string CourseName,
    DateOnly TrainingStart,
    DateOnly TrainingEnd,
    decimal FeePaid,
    bool FeeCharging,
    string ReceiptNumber,
    string QualificationCode,
    string CertificateNumber,
    DateOnly CertificateDate,
    string IssuingAuthority);
