using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

public class MentorRemovalConfirmTests : ComponentTest
{
    private static readonly MentorRemoval WithStudents = new("m-mira", "Mira Mentor",
    [
        new("s-stella", "Stella Student", "m-max", "Max Mentor"),
        new("s-theo", "Theo Student", null, null),
    ]);

    [Fact]
    public async Task The_dialog_says_who_moves_to_whom_and_who_waits_without_a_mentor()
    {
        var (provider, _) = await ShowAsync(WithStudents);

        Assert.Equal(WithStudents.Question, provider.Find("[data-testid=removal-question]").TextContent);
        Assert.Equal(["Stella Student → Max Mentor", "Theo Student → no mentor for now"],
            provider.FindAll("[data-testid=removal-move]").Select(m => m.TextContent.Trim()));
    }

    [Fact]
    public async Task Removing_answers_yes_and_leaves_the_removal_to_the_page()
    {
        var (provider, dialog) = await ShowAsync(WithStudents);

        Button(provider, "Remove and notify").Click();

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
    }

    [Fact]
    public async Task Keeping_the_mentor_answers_no()
    {
        var (provider, dialog) = await ShowAsync(WithStudents);

        Button(provider, "Keep Mira Mentor").Click();

        Assert.True((await dialog.Result)!.Canceled);
    }

    [Fact]
    public async Task A_mentor_without_students_is_removed_without_promising_any_mail()
    {
        var (provider, _) = await ShowAsync(new MentorRemoval("m-mira", "Mira Mentor", []));

        Assert.Contains("nobody is emailed", provider.Find("[data-testid=removal-question]").TextContent, StringComparison.Ordinal);
        Assert.Empty(provider.FindAll("[data-testid=removal-move]"));
        Assert.DoesNotContain(provider.FindAll("button"), b => b.TextContent.Contains("notify", StringComparison.Ordinal));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(MentorRemoval removal)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<MentorRemovalConfirm>("Remove Mira Mentor?",
            new DialogParameters<MentorRemovalConfirm> { { d => d.Removal, removal } }));
        return (provider, dialog);
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MudDialogProvider> provider, string text) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
