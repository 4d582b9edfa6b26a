using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

public class HealthTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Readiness_reports_healthy_when_the_database_answers(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind, smtp: false);

        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_reports_unhealthy_when_the_database_fails_but_liveness_stays_healthy()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseKind.Sqlite, smtp: false);
        var client = app.CreateClient();
        await app.RunAsync(services => BreakDatabaseAsync(services.GetRequiredService<AppDbContext>()));

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health");

        Assert.Equal((System.Net.HttpStatusCode.ServiceUnavailable, System.Net.HttpStatusCode.OK), (ready.StatusCode, live.StatusCode));
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    // The readiness check reads this table; without it the database "does not answer" for that check.
    private static Task BreakDatabaseAsync(AppDbContext db)
    {
        var drop = "DROP TABLE \"" + db.Model.FindEntityType(typeof(SchemaVersion))!.GetTableName() + "\"";
        return db.Database.ExecuteSqlRawAsync(drop);
    }
}
