using System.Net;

namespace PeerMentor.Web.Api;

/// <summary>
/// Measurement hooks for bench/circuit-memory.sh. Mapped only when Bench:HeapEndpoint is true (off by default, never
/// set in appsettings) and answered only to loopback callers: a full compacting GC stalls the whole server.
/// </summary>
public static class BenchEndpoints
{
    public static void MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:HeapEndpoint")) return;
        app.MapGet("/bench/heap", (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller)) return Results.NotFound();
            // Twice, so objects kept alive only by finalizers are gone too: what remains is what live circuits hold.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            return Results.Ok(new HeapFigures(GC.GetTotalMemory(forceFullCollection: false), info.HeapSizeBytes, Environment.WorkingSet));
        }).DisableRateLimiting();
    }

    public sealed record HeapFigures(long ManagedBytes, long HeapSizeBytes, long WorkingSetBytes);
}
