using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Data;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Api;

/// <summary>
/// The JSON of read endpoints' answers, per caller and URL, kept while nothing in the database has changed and, for
/// answers that depend on the time, until the instant the handler names (<see cref="KeepUntil"/>). "Nothing changed"
/// is asked of the database itself on every request, so a write by any path (a page, the API, a job, raw SQL, another
/// app instance or process on the same database) drops every kept answer: on SQLite `PRAGMA data_version` on one
/// connection kept for it (it moves on whenever any other connection, in any process, commits), on PostgreSQL the
/// server's snapshot (pg_current_snapshot: the same exactly while no transaction anywhere on the server commits).
/// SQL Server answers are never kept.
/// </summary>
public sealed class ApiReadCache : IDisposable
{
    /// <summary>Enough for every signed-in person's few lists; past it answers are computed as usual, not kept.</summary>
    private const int MaxEntries = 20_000;
    private const int MaxEntryBytes = 256 * 1024;
    /// <summary>All kept answers together; past it answers are computed as usual, not kept.</summary>
    private const long MaxTotalBytes = 64L * 1024 * 1024;
    private const string KeepUntilItem = "PeerMentor.ApiReadCache.KeepUntil";

    private readonly Lock _sqliteLock = new();
    private SqliteConnection? _sqliteWatch;
    private SqliteCommand? _sqliteDataVersion;
    private readonly TimeProvider _clock;
    private readonly JsonSerializerOptions _json;
    private readonly bool _postgres;
    private ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _entriesBytes;
    private Stamp _entriesStamp = new(-1, null);

    public ApiReadCache(TimeProvider clock, IOptions<JsonOptions> json, IConfiguration configuration)
    {
        (_clock, _json) = (clock, json.Value.SerializerOptions);
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        _postgres = provider == "Postgres";
        Enabled = (provider == "Sqlite" || _postgres) && configuration.GetValue("Api:CacheReads", true);
    }

    public bool Enabled { get; }

    public void Dispose()
    {
        lock (_sqliteLock)
        {
            _sqliteDataVersion?.Dispose();
            _sqliteWatch?.Dispose();
        }
    }

    /// <summary>Tells the cache that this request's answer holds only while the clock reads before <paramref name="untilUtc"/>.</summary>
    public static void KeepUntil(HttpContext http, DateTime untilUtc) => http.Items[KeepUntilItem] = untilUtc;

    internal async ValueTask<object?> ServeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Enabled || http.User.UserId() is not { } userId) return await next(context);
        // Who asks decides what they see: their id, and the admin role that widens some lists.
        var key = string.Concat(userId, http.User.IsAdmin() ? "|admin|" : "|", http.Request.Path.Value, http.Request.QueryString.Value);
        // Taken before the handler reads the database: a write that lands meanwhile makes the stamp differ from the one stored.
        var stamp = await StampAsync(http);
        var now = _clock.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(key, out var kept) && kept.Stamp == stamp && now < kept.UntilUtc) return new CachedJson(kept.Json);

        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } || answer is not IValueHttpResult { Value: { } value })
            return result;
        var until = http.Items.TryGetValue(KeepUntilItem, out var item) && item is DateTime untilUtc ? untilUtc : DateTime.MaxValue;
        // The value's declared type, as TypedResults.Ok writes it (a projection's runtime type is an iterator).
        var declared = answer.GetType() is { IsGenericType: true } generic ? generic.GetGenericArguments()[0] : value.GetType();
        var json = JsonSerializer.SerializeToUtf8Bytes(value, declared, _json);
        if (now < until && json.Length <= MaxEntryBytes) Keep(key, new Entry(stamp, until, json));
        return new CachedJson(json);
    }

    private async ValueTask<Stamp> StampAsync(HttpContext http)
    {
        if (!_postgres) return new Stamp(SqliteDataVersion(http), null);
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        // On the request's own context and connection, left open for the handler's queries.
        await db.Database.OpenConnectionAsync(http.RequestAborted);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT pg_current_snapshot()::text";
        return new Stamp(0, (string?)await command.ExecuteScalarAsync(http.RequestAborted));
    }

    /// <summary>
    /// data_version compares only within one connection, so one is kept open for it; asking costs a few microseconds
    /// (it reads the shared WAL index, no disk), so requests take turns on it. Its statement stays prepared, and a kept
    /// answer is served without taking a database context from the pool.
    /// </summary>
    private long SqliteDataVersion(HttpContext http)
    {
        lock (_sqliteLock)
        {
            if (_sqliteDataVersion is null)
            {
                var watch = new SqliteConnection(http.RequestServices.GetRequiredService<AppDbContext>().Database.GetConnectionString());
                watch.Open();
                _sqliteWatch = watch;
                _sqliteDataVersion = watch.CreateCommand();
                _sqliteDataVersion.CommandText = "PRAGMA data_version";
            }
            return (long)_sqliteDataVersion.ExecuteScalar()!;
        }
    }

    private void Keep(string key, Entry entry)
    {
        var entries = _entries;
        if (_entriesStamp != entry.Stamp)
        {
            // An answer read before the kept ones were is older than them: keeping it would empty the newer ones.
            if (entry.Stamp.Snapshot is null && entry.Stamp.Version < _entriesStamp.Version) return;
            // Everything kept belongs to an older state: start afresh rather than let dead answers fill the cap.
            entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
            (_entries, _entriesStamp, _entriesBytes) = (entries, entry.Stamp, 0);
        }
        if (entries.Count >= MaxEntries || Interlocked.Add(ref _entriesBytes, entry.Json.Length) > MaxTotalBytes) return;
        entries[key] = entry;
    }

    /// <summary>The state of the database an answer was read from: SQLite's data_version, or PostgreSQL's snapshot.</summary>
    private sealed record Stamp(long Version, string? Snapshot);

    private sealed record Entry(Stamp Stamp, DateTime UntilUtc, byte[] Json);

    private sealed class CachedJson(byte[] json) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status200OK;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = json.Length;
            return response.Body.WriteAsync(json).AsTask();
        }
    }
}

public static class ApiReadCacheExtensions
{
    public static IServiceCollection AddApiReadCache(this IServiceCollection services) => services.AddSingleton<ApiReadCache>();

    /// <summary>Serves the endpoint's 200 answers from <see cref="ApiReadCache"/> when the caller asked the same since the last write.</summary>
    public static RouteHandlerBuilder CachedPerCaller(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<ApiReadCache>().ServeAsync(context, next));
}
