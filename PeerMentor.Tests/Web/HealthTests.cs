using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

public class HealthTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Health_reports_healthy_when_the_database_answers(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind, smtp: false);

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
