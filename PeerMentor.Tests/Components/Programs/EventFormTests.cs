using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

public class EventFormTests : SignedInComponentTest
{
    private const string Zone = "Asia/Kolkata";
    private static readonly DateTime InTenDays = LocalTimes.ToLocal(DateTime.UtcNow.AddDays(10), Zone).Date;

    private Guid programId;
    private string mentorId = "";

    [Fact]
    public async Task Without_a_title_the_error_shows_under_the_title_and_nothing_is_created()
    {
        var cut = await RenderFormAsync();

        Fill(cut, "Event date", Day(InTenDays));
        Create(cut);

        cut.WaitForAssertion(() => Assert.Equal("Give the event a title.", ErrorUnder(cut, "Event title")));
        Assert.Equal(0, await EventCountAsync());
    }

    [Fact]
    public async Task Without_a_date_the_form_asks_for_one_under_the_date()
    {
        var cut = await RenderFormAsync();

        Fill(cut, "Event title", "Debugging masterclass");
        Create(cut);

        cut.WaitForAssertion(() => Assert.Equal("Pick a start date and time.", ErrorUnder(cut, "Event date")));
        Assert.Equal(0, await EventCountAsync());
    }

    [Fact]
    public async Task A_start_in_the_past_is_refused_under_the_date()
    {
        var cut = await RenderFormAsync();

        Fill(cut, "Event title", "Debugging masterclass");
        Fill(cut, "Event date", Day(InTenDays.AddDays(-20)));
        Create(cut);

        cut.WaitForAssertion(() => Assert.Equal("The event must start in the future.", ErrorUnder(cut, "Event date")));
    }

    [Fact]
    public async Task A_meeting_link_that_is_not_a_web_address_is_refused_under_the_link()
    {
        var cut = await RenderFormAsync();

        Fill(cut, "Event title", "Debugging masterclass");
        Fill(cut, "Event date", Day(InTenDays));
        Fill(cut, "Event meeting link", "meet me in the lobby");
        Create(cut);

        cut.WaitForAssertion(() => Assert.Equal("Enter a full https:// link, or leave it empty.", ErrorUnder(cut, "Event meeting link")));
    }

    [Fact]
    public async Task A_valid_event_starts_at_the_picked_time_in_the_authors_zone_and_the_form_clears()
    {
        var cut = await RenderFormAsync();
        var snackbars = Render<MudSnackbarProvider>();

        Fill(cut, "Event title", "Debugging masterclass");
        Fill(cut, "Event date", Day(InTenDays));
        Fill(cut, "Start time", "19:30");
        Fill(cut, "Minutes", "90");
        Create(cut);

        snackbars.WaitForAssertion(() => Assert.Contains("Event created", snackbars.Markup, StringComparison.Ordinal));
        var created = await App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<ProgramEvent>().AsNoTracking().SingleAsync());
        var startUtc = ZonedTime.ToUtc(DateOnly.FromDateTime(InTenDays), new TimeOnly(19, 30), Zone);
        Assert.Equal((startUtc, startUtc.AddMinutes(90)), (created.StartUtc, created.EndUtc));
        Assert.Equal("", Input(cut, "Event title").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Editing_shows_the_events_start_in_the_authors_zone()
    {
        var startUtc = ZonedTime.ToUtc(DateOnly.FromDateTime(InTenDays), new TimeOnly(8, 15), Zone);
        await StartWithProgramAsync();
        var (_, id) = await App.RunAsync(s => s.GetRequiredService<ProgramEventService>()
            .CreateAsync(mentorId, false, programId, new EventInput("Caching", "", startUtc, 60, null, null)));
        var existing = await App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<ProgramEvent>().AsNoTracking().SingleAsync(e => e.Id == id));

        var cut = Render<EventForm>(p => p.Add(x => x.ProgramId, programId).Add(x => x.Zone, Zone).Add(x => x.Existing, existing));

        Assert.Equal(Day(InTenDays), Input(cut, "Event date").GetAttribute("value"));
        Assert.Equal("08:15", Input(cut, "Start time").GetAttribute("value"));
        Assert.Contains("Save changes", cut.Markup, StringComparison.Ordinal);
    }

    private async Task StartWithProgramAsync()
    {
        var app = await StartAppAsync();
        var mentor = await app.CreateAsync(Roles.Mentor, "Milo Mentor");
        mentorId = mentor.Id;
        programId = await app.CreateProgramAsync("Masterclass cohort", assign: false, mentor);
        await SignInAsync(mentor);
    }

    private async Task<IRenderedComponent<EventForm>> RenderFormAsync()
    {
        await StartWithProgramAsync();
        return Render<EventForm>(p => p.Add(x => x.ProgramId, programId).Add(x => x.Zone, Zone).Add(x => x.GroupMentorId, mentorId));
    }

    private Task<int> EventCountAsync() => App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<ProgramEvent>().CountAsync());

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IElement Control(IRenderedComponent<EventForm> cut, string label) =>
        cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    private static IElement Input(IRenderedComponent<EventForm> cut, string label) => Control(cut, label).QuerySelector("input, textarea")!;

    private static void Fill(IRenderedComponent<EventForm> cut, string label, string value) => Input(cut, label).Change(value);

    private static string ErrorUnder(IRenderedComponent<EventForm> cut, string label) =>
        Control(cut, label).QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    private static void Create(IRenderedComponent<EventForm> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Create event", StringComparison.Ordinal)).Click();
}
