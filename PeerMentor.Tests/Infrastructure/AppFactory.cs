using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMentor.Tests.Infrastructure;

/// <summary>
/// The real app in-process on a database of its own, sending mail to the loopback SMTP server.
/// With <see cref="StartKestrel"/> it also listens on a real port for Chromium.
/// </summary>
public sealed class AppFactory(TestDatabase database, SmtpSink? smtp, IReadOnlyDictionary<string, string?>? extra = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>Uploads go to a temp folder of this app's own, never into the source tree.</summary>
    public string UploadFolder { get; } = Path.Combine(Path.GetTempPath(), $"peermentor-uploads-{Guid.NewGuid():N}");

    /// <summary>Service replacements for this test, applied after the app's own registrations.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The database was made for this app alone (<see cref="CreateAsync"/>), so it goes when the app is disposed.</summary>
    private bool OwnsDatabase { get; init; }

    public static async Task<AppFactory> CreateAsync(DatabaseKind kind = DatabaseKind.Sqlite, bool smtp = true,
        IReadOnlyDictionary<string, string?>? extra = null) =>
        new(await TestDatabase.CreateAsync(kind), smtp ? await SmtpSink.InstanceAsync() : null, extra) { OwnsDatabase = true };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DemoData:Seed", "false");
        builder.UseSetting("Uploads:Folder", UploadFolder);
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        if (smtp is not null)
        {
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Smtp:EnableSsl", "false");
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    /// <summary>Starts Kestrel on a free loopback port and returns the base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Npgsql keeps a pool per connection string for the whole process: without this, every finished test's idle
        // connections stay open and parallel race tests run the private server out of its 200 connections.
        if (Database.Kind == DatabaseKind.Postgres)
        {
            await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
        if (Directory.Exists(UploadFolder)) Directory.Delete(UploadFolder, recursive: true);
        if (OwnsDatabase) Database.Delete();
    }

    public T Run<T>(Func<IServiceProvider, T> action)
    {
        using var scope = Services.CreateScope();
        return action(scope.ServiceProvider);
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task RunAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }
}
