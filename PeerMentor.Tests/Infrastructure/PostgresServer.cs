using System.Globalization;
using Npgsql;

namespace PeerMentor.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster in the run's folder (<see cref="TestRun"/>, which stops it when the run ends) on a free
/// loopback port, started once per test run with Debian's server binaries (as the postgres user when the run is root,
/// which initdb requires).
/// PEERMENTOR_TEST_POSTGRES, a connection string to a server you run yourself, skips all this.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "pm_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("PEERMENTOR_TEST_POSTGRES") is { Length: > 0 } external)
            return new PostgresServer(external);

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL server binaries are missing (no /usr/lib/postgresql/*/bin/initdb). " +
                "Install Debian's postgresql (bash .ci/test does), or set PEERMENTOR_TEST_POSTGRES to a connection string.");

        var folder = TestRun.NewFolder("pg");
        var data = Path.Combine(folder, "data");
        var port = ExternalProcess.FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) await ExternalProcess.RunAsync("chown", "postgres:postgres", folder);

        Task<string> Run(string tool, params string[] args) => asRoot
            ? ExternalProcess.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args])
            : ExternalProcess.RunAsync(Path.Combine(bin, tool), args);

        await Run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        await Run("pg_ctl", "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o",
            $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        var stop = $"{Path.Combine(bin, "pg_ctl")} -D {data} -m immediate stop";
        TestRun.OnExit(asRoot ? $"runuser -u postgres -- {stop}" : stop);
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true");
    }
}
