using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.EndToEnd;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.Web;

public class PageLimitTests
{
    [Fact]
    public async Task Opening_one_page_too_many_closes_the_oldest_and_tells_it_why()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?> { ["Auth:MaxPagesPerPerson"] = "2" });
        var baseUrl = app.StartKestrel();
        var student = await app.CreateAsync(Roles.Student);
        var openPages = app.Services.GetRequiredService<OpenPages>();
        await using var context = await Browser.NewContextAsync(baseUrl);
        var pages = new List<IPage>();
        for (var i = 1; i <= 3; i++)
        {
            var page = await context.NewPageAsync();
            if (i == 1) await page.SignInAsync(student);
            await page.GotoAsync("sessions");
            pages.Add(page);
            await WaitUntilAsync(() => openPages.CountFor(student.Id) == Math.Min(i, 2));
        }

        await pages[0].WaitForURLAsync(url => url.Contains("/account/page-closed", StringComparison.Ordinal));
        await Expect(pages[0].GetByTestId("page-closed")).ToContainTextAsync(PageCircuits.PageClosedMessage);
        await Expect(pages[0].GetByRole(AriaRole.Link, new() { Name = "Reload it to continue" })).ToHaveAttributeAsync("href", "/sessions");
        Assert.EndsWith("/sessions", pages[2].Url, StringComparison.Ordinal);
        Assert.EndsWith("/sessions", pages[1].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_on_pages_beyond_a_persons_pace_are_refused_with_a_message()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?>
        {
            ["Auth:PageActionBurst"] = "3", ["Auth:PageActionsPerMinute"] = "1",
        });
        var student = await app.CreateAsync(Roles.Student);
        await using var page = await app.PageScopeAsync(student);
        var actions = page.ServiceProvider.GetRequiredService<ScopedActions>();

        var results = new List<Result>();
        for (var i = 0; i < 4; i++) results.Add(await actions.RunAsync<AppDbContext, Result>(_ => Task.FromResult(Result.Ok())));

        Assert.Equal([true, true, true, false], results.Select(r => r.Succeeded));
        Assert.Equal(PageGuard.TooManyActions, results[3].Summary);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition never held.");
            await Task.Delay(50);
        }
    }
}
