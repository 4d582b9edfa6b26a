namespace PeerMentor.Web.Components.Shared;

/// <summary>
/// The status code of a page rendered on the server (static or prerendered; in a live circuit there is no response).
/// It is applied as the response starts: Blazor drops a page whose status changed while it rendered and hands the
/// request to the status code pages, which would replace the page's own words with the generic page.
/// </summary>
public static class ServerStatus
{
    public static void Set(HttpContext? context, int status)
    {
        if (context is not { Response.HasStarted: false }) return;
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
