using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Tests.Components.Programs;

public class AssignmentFormTests : SignedInComponentTest
{
    private const string Zone = "Asia/Kolkata";
    private static readonly DateOnly DueDay = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5));

    private Guid programId;
    private TestUser mentor = null!;
    private IRenderedComponent<MudProviders> providers = null!;

    [Fact]
    public async Task The_due_date_and_time_are_read_in_the_authors_zone()
    {
        var cut = await RenderFormAsync();
        Fill(cut, "Testing essay", DueDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "23:30");

        Post(cut);
        Confirm("Post and email");

        var posted = await WaitForAssignmentAsync();
        Assert.Equal(ZonedTime.ToUtc(DueDay, new TimeOnly(23, 30), Zone), posted.DueUtc);
    }

    [Fact]
    public async Task The_form_says_which_zone_the_due_time_is_in() =>
        Assert.Contains(Zone, (await RenderFormAsync()).Find("[data-testid=due-zone]").TextContent, StringComparison.Ordinal);

    [Fact]
    public async Task A_missing_title_is_refused_next_to_the_title_before_anyone_is_asked()
    {
        var cut = await RenderFormAsync();
        Fill(cut, "", DueDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "12:00");

        Post(cut);

        cut.WaitForAssertion(() => Assert.Contains("Give the assignment a title.", ErrorNextTo(cut, "Assignment title"), StringComparison.Ordinal));
        Assert.Empty(providers.FindAll("[data-testid=confirm-question]"));
    }

    [Fact]
    public async Task A_due_time_in_the_past_is_refused_next_to_the_due_date()
    {
        var cut = await RenderFormAsync();
        var yesterday = LocalTimes.ToLocal(DateTime.UtcNow, Zone).AddDays(-1);
        Fill(cut, "Late already", yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "09:00");

        Post(cut);

        cut.WaitForAssertion(() => Assert.Equal("The due time must be in the future.", ErrorNextToDate(cut)));
    }

    [Fact]
    public async Task Not_confirming_posts_nothing()
    {
        var cut = await RenderFormAsync();
        Fill(cut, "Testing essay", DueDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "12:00");

        Post(cut);
        Confirm("Not now");

        cut.WaitForAssertion(() => Assert.Empty(providers.FindAll("[data-testid=confirm-question]")));
        Assert.Equal(0, await App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<Assignment>().CountAsync()));
    }

    [Fact]
    public async Task Posting_says_so_and_empties_the_form_for_the_next_one()
    {
        var cut = await RenderFormAsync();
        Fill(cut, "Testing essay", DueDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "12:00");

        Post(cut);
        Confirm("Post and email");

        providers.WaitForAssertion(() => Assert.Contains("Assignment posted", providers.Markup, StringComparison.Ordinal));
        Assert.Equal("", cut.Find("[aria-label='Assignment title']").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Editing_opens_with_the_due_time_in_the_authors_zone()
    {
        await StartAsync();
        var dueUtc = ZonedTime.ToUtc(DueDay, new TimeOnly(8, 15), Zone);
        var existing = await App.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var (_, assignment) = Assignment.Create(programId, mentor.Id, mentor.Id, new AssignmentInput("Old title", "", dueUtc), DateTime.UtcNow);
            db.Add(assignment!);
            await db.SaveChangesAsync();
            return assignment!;
        });

        var cut = Render<AssignmentForm>(p => p.Add(x => x.ProgramId, programId).Add(x => x.Zone, Zone).Add(x => x.Existing, existing)
            .AddCascadingValue(AuthenticationState));

        Assert.Equal(DueDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateInput(cut).GetAttribute("value"));
        Assert.Equal("08:15", TimeInput(cut).GetAttribute("value"));
    }

    private async Task StartAsync()
    {
        await StartAppAsync();
        mentor = await App.CreateAsync(Roles.Mentor, "Milo Mentor");
        var student = await App.CreateAsync(Roles.Student, "Sara Student");
        programId = await App.CreateProgramAsync("Assignment cohort", assign: true, mentor, student);
        await SignInAsync(mentor);
        providers = RenderProviders();
    }

    private async Task<IRenderedComponent<AssignmentForm>> RenderFormAsync()
    {
        await StartAsync();
        return Render<AssignmentForm>(p => p.Add(x => x.ProgramId, programId).Add(x => x.Zone, Zone).AddCascadingValue(AuthenticationState));
    }

    private static AngleSharp.Dom.IElement DateInput(IRenderedComponent<AssignmentForm> cut) => Labelled(cut, "Due date");

    private static AngleSharp.Dom.IElement TimeInput(IRenderedComponent<AssignmentForm> cut) => Labelled(cut, "Due time");

    private static void Fill(IRenderedComponent<AssignmentForm> cut, string title, string date, string time)
    {
        cut.Find("[aria-label='Assignment title']").Change(title);
        DateInput(cut).Change(date);
        TimeInput(cut).Change(time);
    }

    private static void Post(IRenderedComponent<AssignmentForm> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Post assignment", StringComparison.Ordinal)).Click();

    private void Confirm(string button)
    {
        providers.WaitForElement("[data-testid=confirm-question]");
        providers.FindAll("button").Single(b => b.TextContent.Trim() == button).Click();
    }

    private Task<Assignment> WaitForAssignmentAsync() => App.RunAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        for (var tries = 0; tries < 100; tries++)
        {
            if (await db.Set<Assignment>().AsNoTracking().SingleOrDefaultAsync() is { } assignment) return assignment;
            await Task.Delay(50);
        }
        throw new TimeoutException("No assignment was posted.");
    });

    private static string ErrorNextTo(IRenderedComponent<AssignmentForm> cut, string label) => ErrorUnder(cut, $"[aria-label='{label}']");

    private static string ErrorNextToDate(IRenderedComponent<AssignmentForm> cut) => ErrorUnder(cut, $"#{DateInput(cut).Id}");
}
