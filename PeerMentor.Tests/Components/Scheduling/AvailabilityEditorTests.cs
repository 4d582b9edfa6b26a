using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Scheduling;

namespace PeerMentor.Tests.Components.Scheduling;

/// <summary>The editor saves through the real AvailabilityService of a real app, as the page wires it.</summary>
public class AvailabilityEditorTests : AppComponentTest
{
    private async Task<(IRenderedComponent<AvailabilityEditor> Cut, AvailabilityModel Model, TestUser Mentor)> RenderEditorAsync()
    {
        var app = await StartAppAsync();
        var mentor = await app.CreateAsync(Roles.Mentor);
        var model = AvailabilityModel.From(await app.RunAsync(s => s.GetRequiredService<AvailabilityService>().GetAsync(mentor.Id)));
        Render<MudPopoverProvider>();
        var cut = Render<AvailabilityEditor>(p => p
            .Add(e => e.Model, model)
            .Add(e => e.Zone, "Europe/Berlin")
            .Add(e => e.OnSave, edited => app.RunAsync(s => s.GetRequiredService<AvailabilityService>().SaveAsync(mentor.Id, edited.ToSettings(), edited.ToWeekly())))
            .Add(e => e.OnPublish, () => app.RunAsync(s => s.GetRequiredService<SessionService>().PublishSlotsAsync(mentor.Id))));
        return (cut, model, mentor);
    }

    private Task<MentorAvailability> SavedAsync(TestUser mentor) => App.RunAsync(s => s.GetRequiredService<AvailabilityService>().GetAsync(mentor.Id));

    private static void Save(IRenderedComponent<AvailabilityEditor> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save availability", StringComparison.Ordinal)).Click();

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<AvailabilityEditor> cut, string label) =>
        cut.Find($"#{cut.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for")}");

    private static void OpenSettings(IRenderedComponent<AvailabilityEditor> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Change settings").Click();

    private IEnumerable<string?> Snackbars => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message);

    [Fact]
    public async Task Saving_stores_the_weekly_hours_and_the_settings()
    {
        var (cut, _, mentor) = await RenderEditorAsync();

        cut.Find("button[aria-label='Add hours on Saturday']").Click();
        cut.Find("input[aria-label='Saturday from']").Change("10:00");
        cut.Find("input[aria-label='Saturday until']").Change("14:00");
        OpenSettings(cut);
        Field(cut, "Buffer after (minutes)").Change("15");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("Saved. Students see your new slots right away.", Snackbars));
        var saved = await SavedAsync(mentor);
        Assert.Equal((DayOfWeek.Saturday, 600, 840), Assert.Single(saved.Rules) is var r ? (r.Day, r.StartMinute, r.EndMinute) : default);
        Assert.Equal(15, saved.BufferAfterMinutes);
    }

    [Fact]
    public async Task With_a_marked_range_nothing_is_saved_and_the_mentor_is_told_why()
    {
        var (cut, _, mentor) = await RenderEditorAsync();

        cut.Find("button[aria-label='Add hours on Monday']").Click();
        cut.Find("input[aria-label='Monday until']").Change("08:00");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("Nothing saved: fix the hours marked in red first.", Snackbars));
        Assert.Empty((await SavedAsync(mentor)).Rules);
    }

    [Fact]
    public async Task A_setting_the_service_refuses_is_explained_next_to_its_field()
    {
        var (cut, _, mentor) = await RenderEditorAsync();
        OpenSettings(cut);

        Field(cut, "Meeting link (optional)").Change("ftp://files.example");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("Enter a full https:// link, or leave it empty.",
            cut.Find(".mud-input-helper-text.mud-input-error").TextContent, StringComparison.Ordinal));
        Assert.Null((await SavedAsync(mentor)).MeetingUrl);
    }

    [Fact]
    public async Task Offering_no_session_length_is_refused_under_the_lengths()
    {
        var (cut, model, _) = await RenderEditorAsync();
        OpenSettings(cut);
        foreach (var length in model.Lengths.ToList())
            cut.FindAll("label.mud-checkbox").Single(l => l.TextContent.Trim() == $"{length} min").QuerySelector("input")!.Change(false);

        Save(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("Offer one or more of", cut.Find("#lengths-help").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_with_no_students_yet_says_nobody_was_emailed()
    {
        var (cut, _, _) = await RenderEditorAsync();

        cut.FindAll("button").Single(b => b.TextContent.Contains("Publish next week's slots", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("Published. None of your students has booked with you yet, so nobody was emailed.", Snackbars));
    }

    [Fact]
    public async Task The_settings_read_as_a_summary_until_the_mentor_opens_them()
    {
        var (cut, model, _) = await RenderEditorAsync();
        model.NoticeHours = 12;
        model.MeetingUrl = "https://meet.example/room";
        cut.Render();

        var summary = cut.Find(".availability-summary").TextContent;
        Assert.Contains("12 hours", summary, StringComparison.Ordinal);
        Assert.Contains("https://meet.example/room", summary, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#booking-settings input"));
        OpenSettings(cut);
        Assert.NotEmpty(cut.FindAll("#booking-settings input"));
        Assert.Equal("true", cut.Find("button[aria-controls=booking-settings]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task A_refused_setting_keeps_the_settings_open_and_a_good_save_closes_them()
    {
        var (cut, _, _) = await RenderEditorAsync();
        OpenSettings(cut);
        Field(cut, "Meeting link (optional)").Change("ftp://files.example");
        Save(cut);
        cut.WaitForAssertion(() => Assert.True(cut.Find("button[aria-controls=booking-settings]").HasAttribute("disabled")));

        Field(cut, "Meeting link (optional)").Change("https://meet.example/room");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("https://meet.example/room", cut.Find(".availability-summary").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#booking-settings input"));
    }
}
