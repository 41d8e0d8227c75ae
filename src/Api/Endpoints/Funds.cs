using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Funds;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// The fund ledger of the disability employment security fund: allocations with their balances, the
/// disbursement list, reversals (a new negative payment, never an edit), the reconciliation, and the
/// payment roster for the finance office. Payments are made through /api/benefits/{id}/payment.
/// </summary>
public sealed class Funds : IEndpointGroup
{
    public static string Prefix => "funds";

    public static string Tag => "Funds";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("allocations", GetFundAllocations).WithName(nameof(GetFundAllocations))
            .WithSummary("Allocations in your scope (county officers: their county's and the city's) with disbursed and balance (programme.read).").ProducesStandardProblems();
        group.MapPost("allocations", CreateFundAllocation).WithName(nameof(CreateFundAllocation))
            .WithSummary("Record an allocation: year, level, county (none: the city's), amount, document number; county officers their county's (decisions.county or decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("payments", GetFundPayments).WithName(nameof(GetFundPayments))
            .WithSummary("Payments and reversals in your scope by payment date and county, newest first; accounts masked (programme.read).").ProducesStandardProblems();
        group.MapPost("payments/{id:guid}/reversal", ReverseFundPayment).WithName(nameof(ReverseFundPayment))
            .WithSummary("Reverse a payment with a new negative payment on the same allocations; the benefit waits to be paid again (an officer of the paying level, with a reason).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("reconciliation", GetFundReconciliation).WithName(nameof(GetFundReconciliation))
            .WithSummary("The ledger reconciled to the cent: allocated − disbursed = balance, disbursed = the sum of the ledger entries, per allocation in your scope (programme.read).")
            .ProducesStandardProblems();
        group.MapGet("payment-roster", ExportPaymentRoster).WithName(nameof(ExportPaymentRoster))
            .WithSummary("The payment roster (发放花名册) of a period as XLSX for the finance office; it names people, so the export is audited (programme.read).")
            .ProducesFile(Application.Common.Interfaces.ExportFile.Xlsx).ProducesStandardProblems();
    }

    private static async Task<Ok<IReadOnlyList<FundAllocationDto>>> GetFundAllocations([AsParameters] GetFundAllocationsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Created<FundAllocationDto>> CreateFundAllocation(CreateFundAllocationCommand command, ISender sender, CancellationToken ct)
    {
        var allocation = await sender.Send(command, ct);
        return TypedResults.Created($"/api/funds/allocations/{allocation.Id}", allocation);
    }

    private static async Task<Ok<PagedList<FundPaymentDto>>> GetFundPayments([AsParameters] GetFundPaymentsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<FundPaymentDto>> ReverseFundPayment(Guid id, ReversalRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReverseFundPaymentCommand(id, request.Reason), ct));

    private static async Task<Ok<FundReconciliationDto>> GetFundReconciliation([AsParameters] GetFundReconciliationQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<FileContentHttpResult> ExportPaymentRoster([AsParameters] ExportPaymentRosterCommand command, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(command, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}

/// <summary>Why a payment is reversed.</summary>
public sealed record ReversalRequest(string Reason);
