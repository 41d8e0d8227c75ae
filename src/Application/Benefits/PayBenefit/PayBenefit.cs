using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Benefits.PayBenefit;

/// <summary>Records the payment of a finally approved benefit: its date and voucher number.</summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record PayBenefitCommand(Guid Id, DateOnly PaymentDate, string Voucher) : ICommand<BenefitDto>;

public sealed class PayBenefitValidator : AbstractValidator<PayBenefitCommand>
{
    public PayBenefitValidator()
    {
        RuleFor(x => x.PaymentDate).NotEmpty();
        RuleFor(x => x.Voucher).NotEmpty().MaximumLength(50);
    }
}

public sealed class PayBenefitHandler(BenefitWorkflow workflow, TimeProvider clock) : ICommandHandler<PayBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(PayBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        workflow.EnsureMayDecide(benefit);
        benefit.MarkPaid(workflow.Actor, command.PaymentDate, command.Voucher, clock.Today(), workflow.Now);
        return await workflow.SaveAsync(benefit, null, cancellationToken);
    }
}
