using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Training.CompleteEnrolment;

/// <summary>Marks an enrolment completed on a date, with the certificate obtained (name and number) if any.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CompleteEnrolmentCommand(Guid Id, DateOnly CompletedOn, string? CertificateName, string? CertificateNumber) : ICommand<EnrolmentDto>;

public sealed class CompleteEnrolmentValidator : AbstractValidator<CompleteEnrolmentCommand>
{
    public CompleteEnrolmentValidator()
    {
        RuleFor(x => x.CompletedOn).NotEmpty();
        RuleFor(x => x.CertificateName).MaximumLength(200);
        RuleFor(x => x.CertificateNumber).MaximumLength(100);
    }
}

public sealed class CompleteEnrolmentHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<CompleteEnrolmentCommand, EnrolmentDto>
{
    public async ValueTask<EnrolmentDto> Handle(CompleteEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("enrolment", command.Id);
        var course = await db.Courses.IgnoreQueryFilters().SingleAsync(c => c.Id == enrolment.CourseId, cancellationToken);
        enrolment.Complete(command.CompletedOn, course, command.CertificateName, command.CertificateNumber, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return enrolment.ToDto();
    }
}
