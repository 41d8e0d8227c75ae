using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Reminders;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// The notification centre: the deadline reminders of the signed-in officer's county (14 days and 1 day
/// before each deadline, and when it is overdue), sent by the daily reminder job.
/// </summary>
public sealed class Notifications : IEndpointGroup
{
    public static string Prefix => "notifications";

    public static string Tag => "Notifications";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetMyNotifications).WithName(nameof(GetMyNotifications))
            .WithSummary("Your notifications, newest first (the latest 200), with the unread count; unreadOnly=true for the unread ones (signed in).")
            .ProducesStandardProblems();
        group.MapPost("{id:guid}/read", MarkNotificationRead).WithName(nameof(MarkNotificationRead))
            .WithSummary("Marks one of your notifications read (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<NotificationListDto>> GetMyNotifications(bool? unreadOnly, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetMyNotificationsQuery(unreadOnly), ct));

    private static async Task<Ok<NotificationDto>> MarkNotificationRead(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new MarkNotificationReadCommand(id), ct));
}
