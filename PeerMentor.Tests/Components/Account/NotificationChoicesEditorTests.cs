using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Account;

namespace PeerMentor.Tests.Components.Account;

/// <summary>The editor saves through the real NotificationPreferenceService and is given the reloaded choices, as the page does.</summary>
public class NotificationChoicesEditorTests : AppComponentTest
{
    private async Task<(IRenderedComponent<NotificationChoicesEditor> Cut, TestUser Person)> RenderEditorAsync()
    {
        var app = await StartAppAsync();
        var person = await app.CreateAsync(Roles.Student);
        var choices = await ChoicesAsync(person);
        IRenderedComponent<NotificationChoicesEditor>? cut = null;
        cut = Render<NotificationChoicesEditor>(p => p
            .Add(e => e.Choices, choices)
            .Add(e => e.OnSave, async chosen =>
            {
                var result = await app.RunAsync(s => s.GetRequiredService<NotificationPreferenceService>().SaveAsync(person.Id, chosen));
                var saved = await ChoicesAsync(person);
                await cut!.InvokeAsync(() => cut!.Render(q => q.Add(e => e.Choices, saved)));
                return result;
            }));
        return (cut, person);
    }

    private Task<NotificationChoices> ChoicesAsync(TestUser person) =>
        App.RunAsync(s => s.GetRequiredService<NotificationPreferenceService>().GetAsync(person.Id));

    private static AngleSharp.Dom.IElement Switch(IRenderedComponent<NotificationChoicesEditor> cut, string label) =>
        cut.Find($"input[aria-label=\"{label}\"]");

    private static void Save(IRenderedComponent<NotificationChoicesEditor> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save choices", StringComparison.Ordinal)).Click();

    [Fact]
    public async Task The_switches_show_the_saved_choices()
    {
        var (cut, _) = await RenderEditorAsync();

        Assert.True(Switch(cut, "Program news by email").HasAttribute("checked"));
        Assert.Equal(NotificationTopics.Of(NotificationTopic.SessionReminders).Default.Sms, Switch(cut, "Session reminders by SMS").HasAttribute("checked"));
    }

    [Fact]
    public async Task Turning_a_choice_off_and_saving_keeps_it_off()
    {
        var (cut, person) = await RenderEditorAsync();

        Switch(cut, "Program news by email").ChangeRowSwitch(false);
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Your choices are saved."));
        var saved = await ChoicesAsync(person);
        Assert.False(saved[NotificationTopic.ProgramNews].Email);
        Assert.True(saved[NotificationTopic.Reviews].Email);
    }

    [Fact]
    public async Task A_change_is_marked_unsaved_until_it_is_saved()
    {
        var (cut, _) = await RenderEditorAsync();

        Switch(cut, "Reviews by email").ChangeRowSwitch(false);
        Assert.Equal("You have unsaved changes.", cut.Find("[data-testid=save-state]").TextContent);

        Save(cut);
        cut.WaitForAssertion(() => Assert.Equal("All changes saved.", cut.Find("[data-testid=save-state]").TextContent));
    }

    [Fact]
    public async Task Account_and_security_mail_cannot_be_turned_off()
    {
        var (cut, _) = await RenderEditorAsync();

        var always = Switch(cut, "Account and security by email (always on)");
        Assert.True(always.HasAttribute("disabled"));
        Assert.True(always.HasAttribute("checked"));
    }

    [Fact]
    public async Task Topics_that_never_come_by_sms_offer_no_sms_switch()
    {
        var (cut, _) = await RenderEditorAsync();

        Assert.Empty(cut.FindAll("input[aria-label=\"Program news by SMS\"]"));
        Assert.Contains("No SMS for this", cut.Find("[data-testid=topic-ProgramNews]").TextContent, StringComparison.Ordinal);
    }
}
