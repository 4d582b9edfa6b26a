using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Tests.Web;

public class SortableColumnsTests
{
    private static readonly SortableColumns<AppUser> Columns = new SortableColumns<AppUser>("name")
        .Add("name", u => u.DisplayName)
        .Add("registered", u => u.RegisteredUtc)
        .ThenBy(u => u.Id);

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_database_sorts_by_the_chosen_column_and_returns_only_the_requested_page(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind, smtp: false);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(app, marker, ["Cleo", "Ada", "Eve", "Bea", "Dan"]);
        var state = new TableState { Page = 1, PageSize = 2, SortLabel = "registered", SortDirection = SortDirection.Descending };

        var page = await app.RunAsync(s => Columns.ToTableDataAsync(Mine(s, marker), state, u => u.DisplayName, CancellationToken.None));

        // Registered one minute apart in the seeded order, so newest first is Dan, Bea, Eve, Ada, Cleo.
        Assert.Equal($"5: Eve {marker}, Ada {marker}", $"{page.TotalItems}: {string.Join(", ", page.Items!)}");
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_unknown_or_cleared_sort_falls_back_to_the_default_column(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind, smtp: false);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(app, marker, ["Cleo", "Ada", "Bea"]);
        var state = new TableState { Page = 0, PageSize = 10, SortLabel = "no-such-column", SortDirection = SortDirection.Descending };

        var page = await app.RunAsync(s => Columns.ToTableDataAsync(Mine(s, marker), state, u => u.DisplayName, CancellationToken.None));

        Assert.Equal([$"Ada {marker}", $"Bea {marker}", $"Cleo {marker}"], page.Items!);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Sorting_and_paging_are_part_of_the_sql_sent_to_the_database(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind, smtp: false);
        var state = new TableState { Page = 3, PageSize = 20, SortLabel = "registered", SortDirection = SortDirection.Ascending };

        var sql = await app.RunAsync(s => Task.FromResult(
            Columns.Page(s.GetRequiredService<AppDbContext>().Users.Where(u => u.DisplayName.Contains("x")), state).ToQueryString()));

        Assert.All(["WHERE", "ORDER BY", "LIMIT", "OFFSET"], part => Assert.Contains(part, sql, StringComparison.OrdinalIgnoreCase));
    }

    private static IQueryable<AppUser> Mine(IServiceProvider services, string marker) =>
        services.GetRequiredService<AppDbContext>().Users.AsNoTracking().Where(u => u.DisplayName.EndsWith(marker));

    private static Task SeedAsync(AppFactory app, string marker, string[] names) => app.RunAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var first = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < names.Length; i++)
            db.Users.Add(AppUser.Register(TestUsers.NewEmail(), $"{names[i]} {marker}", "Europe/London", Roles.Student, 0, "", first.AddMinutes(i)));
        await db.SaveChangesAsync();
    });
}
