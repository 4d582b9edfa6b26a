using Bunit;
using Microsoft.AspNetCore.Components;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Tests.Components.Shared;

public class BusyButtonTests : ComponentTest
{
    [Fact]
    public void Before_the_page_is_interactive_the_button_is_disabled()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<BusyButton>(p => p.Add(x => x.OnClick, () => Task.CompletedTask).AddChildContent("Save"));

        Assert.True(cut.Find("button").HasAttribute("disabled"));
    }

    [Fact]
    public void While_the_action_runs_the_button_is_disabled_and_shows_progress_then_comes_back()
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var running = new TaskCompletionSource();
        var cut = Render<BusyButton>(p => p.Add(x => x.OnClick, () => running.Task).AddChildContent("Save"));

        cut.Find("button").Click();

        Assert.True(cut.Find("button").HasAttribute("disabled"));
        Assert.NotNull(cut.Find("button .mud-progress-circular"));
        running.SetResult();
        cut.WaitForAssertion(() => Assert.False(cut.Find("button").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("button .mud-progress-circular"));
    }
}
