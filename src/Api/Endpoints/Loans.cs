using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Loans;

namespace Sunshine.Api.Endpoints;

/// <summary>Micro-loans of registered disabled people (扶贫小额信贷、残疾人创业贷款) and their repayments.</summary>
public sealed class Loans : IEndpointGroup
{
    public static string Prefix => "loans";

    public static string Tag => "Loans";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetLoans).WithName(nameof(GetLoans))
            .WithSummary("Loans in your scope by programme and borrower, newest first (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetLoan).WithName(nameof(GetLoan))
            .WithSummary("One loan with its repayments and the principal outstanding today (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateLoan).WithName(nameof(CreateLoan))
            .WithSummary("Record a loan of a registered person of your scope as its contract says: principal, annual rate, day-count basis, start, term (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("{id:guid}/repayments", RecordLoanRepayment).WithName(nameof(RecordLoanRepayment))
            .WithSummary("Record a repayment of principal; not more than is outstanding, not after maturity (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<LoanDto>>> GetLoans([AsParameters] GetLoansQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<LoanDto>> GetLoan(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetLoanQuery(id), ct));

    private static async Task<Created<LoanDto>> CreateLoan(CreateLoanCommand command, ISender sender, CancellationToken ct)
    {
        var loan = await sender.Send(command, ct);
        return TypedResults.Created($"/api/loans/{loan.Id}", loan);
    }

    private static async Task<Ok<LoanDto>> RecordLoanRepayment(Guid id, RepaymentRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordLoanRepaymentCommand(id, request.Date, request.Principal), ct));
}

/// <summary>A repayment of principal.</summary>
public sealed record RepaymentRequest(DateOnly Date, decimal Principal);

/// <summary>Loan interest subsidy claims (贷款贴息): facts here; submit, review, pay through /api/benefits.</summary>
public sealed class InterestSubsidyClaims : IEndpointGroup
{
    public static string Prefix => "interest-subsidy-claims";

    public static string Tag => "Loans";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetInterestSubsidyClaims).WithName(nameof(GetInterestSubsidyClaims))
            .WithSummary("Interest subsidy claims in your scope by loan and state (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetInterestSubsidyClaim).WithName(nameof(GetInterestSubsidyClaim))
            .WithSummary("One claim with its workflow, frozen decision and live decision (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateInterestSubsidyClaim).WithName(nameof(CreateInterestSubsidyClaim))
            .WithSummary("Start a claim (a draft) for one ended period of a loan, both days inclusive; then submit it through /api/benefits/{id}/submission (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<InterestSubsidyClaimListItemDto>>> GetInterestSubsidyClaims(
        [AsParameters] GetInterestSubsidyClaimsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<InterestSubsidyClaimDto>> GetInterestSubsidyClaim(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetInterestSubsidyClaimQuery(id), ct));

    private static async Task<Created<InterestSubsidyClaimDto>> CreateInterestSubsidyClaim(CreateInterestSubsidyClaimCommand command, ISender sender, CancellationToken ct)
    {
        var claim = await sender.Send(command, ct);
        return TypedResults.Created($"/api/interest-subsidy-claims/{claim.Id}", claim);
    }
}
