using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Benefits;
using Sunshine.Application.Benefits.ApproveBenefit;
using Sunshine.Application.Benefits.GetBenefits;
using Sunshine.Application.Benefits.Objections;
using Sunshine.Application.Benefits.PayBenefit;
using Sunshine.Application.Benefits.RejectBenefit;
using Sunshine.Application.Benefits.ResubmitBenefit;
using Sunshine.Application.Benefits.ReturnBenefit;
using Sunshine.Application.Benefits.ReviewBenefit;
using Sunshine.Application.Benefits.SubmitBenefit;
using Sunshine.Application.Benefits.WithdrawBenefit;
using Sunshine.Application.Common.Paging;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// The one benefit workflow (subsidies and awards): submit, review, approve, pay; return, reject,
/// withdraw. The submitter and earlier deciders may not decide a step (403 benefit.maker_checker); a
/// decision that would differ now is refused (409 benefit.decision_changed) until re-submitted.
/// </summary>
public sealed class Benefits : IEndpointGroup
{
    public static string Prefix => "benefits";

    public static string Tag => "Benefits";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetBenefits).WithName(nameof(GetBenefits))
            .WithSummary("Benefits in your scope by type and state: the worklist (programme.read).").ProducesStandardProblems();
        MapStep(group, "submission", nameof(SubmitBenefit), SubmitBenefit, "Submit a draft; its decision is computed and frozen (programme.write).");
        MapStep(group, "resubmission", nameof(ResubmitBenefit), ResubmitBenefit, "Re-submit with the decision the facts give now (the submitter; programme.write).");
        MapStep(group, "withdrawal", nameof(WithdrawBenefit), WithdrawBenefit, "Withdraw before review (the submitter; programme.write).");
        MapStep(group, "return", nameof(ReturnBenefit), ReturnBenefit, "Return to draft for corrections, with a reason (decisions.county or decisions.city for the step).");
        MapStep(group, "rejection", nameof(RejectBenefit), RejectBenefit, "Reject, with a reason (decisions.county or decisions.city for the step).");
        MapStep(group, "county-review", nameof(ReviewBenefit), ReviewBenefit,
            "Approve as the county federation; final for subsidies; awards go into their public notice (公示) for the policy's days (decisions.county).");
        MapStep(group, "approval", nameof(ApproveBenefit), ApproveBenefit,
            "Final approval: by the city for city-level awards (decisions.city), by the county for county awards; not while the public notice runs or an objection is open (409). An award of 0.00 is recognised.");
        MapStep(group, "payment", nameof(PayBenefit), PayBenefit,
            "Pay a finally approved benefit from one or more fund allocations (parts sum to the amount; county benefits from the county's allocations by a county officer, city awards from the city's by a city officer; not the submitter or approver). Concurrent overdraft → 409.");
        MapStep(group, "objections", nameof(RecordObjection), RecordObjection, "Record an objection received during the public notice (decisions.county or decisions.city).");
        group.MapPost("{id:guid}/objections/{objectionId:guid}/resolution", ResolveObjection).WithName(nameof(ResolveObjection))
            .WithSummary("Resolve an open objection: upheld (the award cannot be approved) or dismissed, with the finding; not by its recorder.")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static void MapStep(RouteGroupBuilder group, string step, string name, Delegate handler, string summary) =>
        group.MapPost($"{{id:guid}}/{step}", handler).WithName(name).WithSummary(summary)
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<PagedList<BenefitListItemDto>>> GetBenefits([AsParameters] GetBenefitsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<BenefitDto>> SubmitBenefit(Guid id, StepRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SubmitBenefitCommand(id, request.Comment), ct));

    private static async Task<Ok<BenefitDto>> ResubmitBenefit(Guid id, StepRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResubmitBenefitCommand(id, request.Comment), ct));

    private static async Task<Ok<BenefitDto>> WithdrawBenefit(Guid id, StepRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new WithdrawBenefitCommand(id, request.Comment), ct));

    private static async Task<Ok<BenefitDto>> ReturnBenefit(Guid id, StepRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReturnBenefitCommand(id, request.Comment ?? string.Empty), ct));

    private static async Task<Ok<BenefitDto>> RejectBenefit(Guid id, StepRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RejectBenefitCommand(id, request.Comment ?? string.Empty), ct));

    private static async Task<Ok<BenefitDto>> ReviewBenefit(Guid id, StepRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReviewBenefitCommand(id, request.Comment), ct));

    private static async Task<Ok<BenefitDto>> ApproveBenefit(Guid id, StepRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ApproveBenefitCommand(id, request.Comment), ct));

    private static async Task<Ok<BenefitDto>> PayBenefit(Guid id, PaymentRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(
            new PayBenefitCommand(id, request.PaymentDate, request.Voucher, request.Parts ?? [], request.PayeeName, request.PayeeBank, request.PayeeAccount), ct));

    private static async Task<Ok<BenefitDto>> RecordObjection(Guid id, ObjectionRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordObjectionCommand(id, request.ReceivedOn, request.Summary), ct));

    private static async Task<Ok<BenefitDto>> ResolveObjection(Guid id, Guid objectionId, ObjectionResolutionRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResolveObjectionCommand(id, objectionId, request.Upheld, request.Resolution), ct));
}

/// <summary>An objection received during the public notice: when, and what it says.</summary>
public sealed record ObjectionRequest(DateOnly ReceivedOn, string Summary);

/// <summary>The finding on an objection: upheld or dismissed, and why.</summary>
public sealed record ObjectionResolutionRequest(bool Upheld, string Resolution);

/// <summary>A workflow step's comment (required to return or reject).</summary>
public sealed record StepRequest(string? Comment);

/// <summary>
/// A payment: its date and voucher (记账凭证) number, the allocations it comes from and how much of
/// each, and the payee's name, bank and account number (stored encrypted, shown masked).
/// </summary>
public sealed record PaymentRequest(
    DateOnly PaymentDate, string Voucher, IReadOnlyList<PaymentPartRequest>? Parts, string PayeeName, string PayeeBank, string PayeeAccount);
