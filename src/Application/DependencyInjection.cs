using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Sunshine.Application.Attachments;
using Sunshine.Application.Benefits;
using Sunshine.Application.Training;

namespace Sunshine.Application;

public static class DependencyInjection
{
    /// <summary>Registers the validators. The mediator and its pipeline are registered by the composition root.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining(typeof(DependencyInjection), includeInternalTypes: true);
        services.AddScoped<BenefitWorkflow>();
        services.AddScoped<IBenefitDecider, TrainingSubsidyDecider>();
        services.AddScoped<IBenefitDecider, Loans.InterestSubsidyDecider>();
        services.AddScoped<Awards.AwardFactsGatherer>();
        services.AddScoped<Awards.AwardDecider>();
        services.AddScoped<IBenefitDecider>(sp => sp.GetRequiredService<Awards.AwardDecider>());
        services.AddScoped<Awards.AwardScreening>();
        services.AddScoped<Statistics.IndicatorCalculator>();
        services.AddScoped<Statistics.BulletinRenderer>();
        services.AddScoped<Reminders.IDeadlineSource, Reminders.AnnualSummaryDeadlines>();
        services.AddScoped<Reminders.IDeadlineSource, Reminders.WorkPlanDeadlines>();
        services.AddScoped<Reminders.IDeadlineSource, Reminders.RectificationDeadlines>();
        services.AddScoped<IAttachmentOwners, AttachmentOwners>();
        return services;
    }
}
