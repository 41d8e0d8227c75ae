using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Funds;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Funds;

namespace Sunshine.Application.Benefits.PayBenefit;

/// <summary>One allocation and the part of the payment it funds.</summary>
public sealed record PaymentPartRequest(Guid AllocationId, decimal Amount);

/// <summary>
/// Pays a finally approved benefit from the fund ledger: the parts (one or more allocations, several
/// levels may co-fund) sum to the benefit's amount; the payee's bank account is stored encrypted.
/// County-level benefits are paid by an officer of the beneficiary's county from allocations to that
/// county, city-level ones by a city officer from the city's allocations; never by the submitter or
/// the approver. The payment, its ledger entries and the allocations' balances are one transaction;
/// a concurrent payment from the same allocation is refused (409) rather than overdrawing it.
/// </summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record PayBenefitCommand(
    Guid Id, DateOnly PaymentDate, string Voucher, IReadOnlyList<PaymentPartRequest> Parts, string PayeeName, string PayeeBank, string PayeeAccount)
    : ICommand<BenefitDto>;

public sealed class PayBenefitValidator : AbstractValidator<PayBenefitCommand>
{
    public PayBenefitValidator()
    {
        RuleFor(x => x.PaymentDate).NotEmpty();
        RuleFor(x => x.Voucher).NotEmpty().MaximumLength(50);
        RuleFor(x => x.Parts).NotEmpty().WithErrorCode("fund.parts_required").Must(p => p is null || p.Count <= 10).WithMessage("At most 10 parts.");
        RuleForEach(x => x.Parts).ChildRules(part =>
        {
            part.RuleFor(p => p.AllocationId).NotEmpty();
            part.RuleFor(p => p.Amount).GreaterThan(0).PrecisionScale(14, 2, true);
        });
        RuleFor(x => x.PayeeName).NotEmpty().MaximumLength(FundPayment.NameMaxLength);
        RuleFor(x => x.PayeeBank).NotEmpty().MaximumLength(FundPayment.BankMaxLength);
        RuleFor(x => x.PayeeAccount).NotEmpty().Must(BankAccounts.IsValid).WithErrorCode("fund.account_invalid")
            .WithMessage("A bank account number is 8 to 32 digits (spaces allowed).");
    }
}

public sealed class PayBenefitHandler(BenefitWorkflow workflow, IApplicationDbContext db, ICurrentUser user, ISensitiveDataProtector protector, TimeProvider clock)
    : ICommandHandler<PayBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(PayBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        workflow.EnsureMayDecide(benefit);
        var parts = new List<PaymentPart>();
        for (var i = 0; i < command.Parts.Count; i++)
        {
            var part = command.Parts[i];
            var allocation = await db.FundAllocations.FirstOrDefaultAsync(a => a.Id == part.AllocationId, cancellationToken)
                ?? throw new NotFoundException("fund_allocation", part.AllocationId, $"parts[{i}].allocationId");
            parts.Add(new PaymentPart(allocation, Money.FromYuan(part.Amount, $"parts[{i}].amount")));
        }

        var account = BankAccounts.Normalise(command.PayeeAccount);
        var payee = new Payee(command.PayeeName, command.PayeeBank, protector.Protect(SensitiveKind.BankAccount, account), account[^4..]);
        var payment = FundPayment.Pay(
            benefit, parts, payee, workflow.Actor, user.IsCountyBound ? user.CountyId : null, command.PaymentDate, command.Voucher, clock.Today(), workflow.Now);
        db.FundPayments.Add(payment);
        await FundLedgerSaving.SaveAsync(db, cancellationToken);
        return benefit.ToDto(null);
    }
}
