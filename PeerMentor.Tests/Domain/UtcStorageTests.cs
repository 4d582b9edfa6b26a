using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain;

public class UtcStorageTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Instants_come_back_from_the_database_as_the_same_utc_instant(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind, smtp: false);
        var registered = new DateTime(2026, 3, 29, 0, 59, 59, 123, DateTimeKind.Utc);
        var user = AppUser.Register(TestUsers.NewEmail(), "Utc Person", "Europe/London", Roles.Student, 0, "", registered);
        await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Users.Add(user);
            await db.SaveChangesAsync();
        });

        var stored = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));

        Assert.Equal(DateTimeKind.Utc, stored.RegisteredUtc.Kind);
        Assert.Equal(registered, stored.RegisteredUtc);
    }

    [Fact]
    public async Task A_local_time_is_refused_rather_than_stored_ambiguously()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var user = AppUser.Register(TestUsers.NewEmail(), "Local Person", "Europe/London", Roles.Student, 0, "",
            new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Unspecified));

        await Assert.ThrowsAnyAsync<Exception>(() => app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }));
    }
}
