using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Components.Admin;

namespace PeerMentor.Tests.Components.Admin;

public class ApproveRegistrationDialogTests : ComponentTest
{
    private static readonly OpenProgram Autumn = new(Guid.NewGuid(), "Autumn cohort", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 20));

    [Fact]
    public async Task The_dialog_starts_with_the_role_and_program_the_person_asked_for_and_returns_them()
    {
        var person = AppUser.Register("nia@example.com", "Nia Newcomer", "Europe/Berlin", Roles.Mentor, 4, "C#", DateTime.UtcNow);
        person.RequestProgram(Autumn.Id);
        var (provider, dialog) = await ShowAsync(person);

        Assert.Equal("Autumn cohort", provider.Find(".mud-dialog .mud-select input").GetAttribute("value"));
        provider.FindAll("button").Single(b => b.TextContent.Trim() == "Approve").Click();

        Assert.Equal(new ApprovalChoice(Roles.Mentor, Autumn.Id, 10), (await dialog.Result)!.Data);
    }

    [Fact]
    public async Task A_group_size_is_asked_only_for_a_mentor_placed_in_a_program()
    {
        var person = AppUser.Register("sam@example.com", "Sam Student", "Europe/Berlin", Roles.Student, 0, "", DateTime.UtcNow);
        person.RequestProgram(Autumn.Id);
        var (provider, _) = await ShowAsync(person);
        Assert.DoesNotContain(provider.FindAll("label"), l => l.TextContent.Contains("Most students", StringComparison.Ordinal));

        Choose(provider, Roles.Mentor);

        provider.WaitForAssertion(() => Assert.Single(provider.FindAll("label"), l => l.TextContent.Contains("Most students", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cancelling_returns_a_cancelled_dialog()
    {
        var person = AppUser.Register("sam@example.com", "Sam Student", "Europe/Berlin", Roles.Student, 0, "", DateTime.UtcNow);
        var (provider, dialog) = await ShowAsync(person);

        provider.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Assert.True((await dialog.Result)!.Canceled);
    }

    private static void Choose(IRenderedComponent<MudDialogProvider> provider, string role) =>
        provider.FindAll(".mud-dialog .mud-radio").Single(r => r.TextContent.Contains(role, StringComparison.Ordinal)).QuerySelector("input")!.Click();

    private async Task<(IRenderedComponent<MudDialogProvider>, IDialogReference)> ShowAsync(AppUser person)
    {
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ApproveRegistrationDialog>("Approve",
            new DialogParameters<ApproveRegistrationDialog> { { d => d.Person, person }, { d => d.Programs, new[] { Autumn } } }));
        return (provider, dialog);
    }
}
