using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Adapters;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Security;

namespace PeerMentor.Web.Api;

/// <summary>Downloads of uploaded files, each checked against who asks.</summary>
public static class FileEndpoints
{
    public static void MapFileEndpoints(this WebApplication app)
    {
        var files = app.MapGroup("/files").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = FileDownloads.Scheme });

        // Anyone who may not see a submission gets 404, the same as for one that does not exist, so ids reveal nothing.
        files.MapGet("/submissions/{id:guid}", async (Guid id, HttpContext http, AssignmentService assignments, FileStorage storage) =>
        {
            var submission = await assignments.FindForAsync(http.User.UserId()!, http.User.IsInRole(Roles.Admin), id);
            if (submission?.StoredName is null || storage.OpenRead(submission.StoredName) is not { } stream) return Results.NotFound();
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            // Even a file we checked is the student's content: never let it run as a page of ours.
            http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
            var kind = UploadContent.ByContentType(submission.ContentType!);
            return kind?.IsImage == true
                ? Results.Stream(stream, submission.ContentType)
                : Results.File(stream, submission.ContentType, submission.FileName);
        });

        // Recordings: for the event's audience, its author and admins; 404 to everyone else.
        files.MapGet("/event-resources/{id:guid}", async (Guid id, HttpContext http, ProgramEventService events, FileStorage storage) =>
        {
            var resource = await events.FindResourceForAsync(http.User.UserId()!, http.User.IsInRole(Roles.Admin), id);
            if (resource?.StoredName is null || storage.OpenRead(resource.StoredName) is not { } stream) return Results.NotFound();
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
            if (UploadContent.ByContentType(resource.ContentType!)?.IsVideo != true)
                return Results.File(stream, resource.ContentType, resource.FileName);
            // A video plays in the page's <video> element, which seeks with Range requests.
            http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = resource.FileName }.ToString();
            return Results.File(stream, resource.ContentType, enableRangeProcessing: true);
        });
    }
}
