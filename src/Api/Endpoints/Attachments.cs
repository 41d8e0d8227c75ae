using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Attachments.GetAttachmentContent;

namespace Sunshine.Api.Endpoints;

/// <summary>Attached documents. Opening one is an audited read: documents show personal data.</summary>
public sealed class Attachments : IEndpointGroup
{
    public static string Prefix => "attachments";

    public static string Tag => "Attachments";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("{id:guid}/content", GetAttachmentContent).WithName(nameof(GetAttachmentContent))
            .WithSummary("Download an attached document (programme.read); each download is written to the audit trail.")
            .Produces<Microsoft.AspNetCore.Mvc.FileContentResult>(StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<FileContentHttpResult> GetAttachmentContent(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var content = await sender.Send(new GetAttachmentContentCommand(id), ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(content.Content, content.ContentType, content.FileName);
    }
}
