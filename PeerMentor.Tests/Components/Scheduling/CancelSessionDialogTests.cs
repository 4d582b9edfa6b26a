using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Web.Components.Pages.Scheduling;

namespace PeerMentor.Tests.Components.Scheduling;

public class CancelSessionDialogTests : ComponentTest
{
    [Fact]
    public async Task The_dialog_returns_the_typed_reason_and_cancels_nothing_itself()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<CancelSessionDialog>("Cancel this session?"));

        provider.Find("textarea").Input("  Mentor is ill  ");
        provider.FindAll("button").Single(b => b.TextContent.Contains("Cancel session")).Click();

        var result = await dialog.Result;
        Assert.Equal("Mentor is ill", result!.Data);
    }

    [Fact]
    public async Task Without_a_reason_the_cancel_button_is_disabled()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<CancelSessionDialog>("Cancel this session?"));

        Assert.True(provider.FindAll("button").Single(b => b.TextContent.Contains("Cancel session")).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Keeping_the_session_returns_a_cancelled_dialog()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<CancelSessionDialog>("Cancel this session?"));

        provider.FindAll("button").Single(b => b.TextContent.Contains("Keep the session")).Click();

        Assert.True((await dialog.Result)!.Canceled);
    }
}
