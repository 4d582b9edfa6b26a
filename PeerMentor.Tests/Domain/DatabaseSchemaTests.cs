using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain;

public class DatabaseSchemaTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Restarting_the_app_on_an_existing_database_keeps_its_people(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        TestUser person;
        await using (var first = new AppFactory(database, smtp: null))
        {
            person = await first.CreateAsync(PeerMentor.Domain.Accounts.Roles.Mentor);
        }

        await using var second = new AppFactory(database, smtp: null);
        var found = await second.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Id == person.Id));
        var version = await second.RunAsync(s => s.GetRequiredService<AppDbContext>().SchemaVersions.SingleAsync());

        Assert.True(found);
        Assert.Equal(DatabaseSchema.CurrentVersion, version.Version);
    }
}
