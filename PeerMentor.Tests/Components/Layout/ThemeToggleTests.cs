using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Web.Components.Layout;

namespace PeerMentor.Tests.Components.Layout;

public class ThemeToggleTests : ComponentTest
{
    [Theory]
    [InlineData("Switch to dark theme", "Dark")]
    [InlineData("Switch to light theme", "Light")]
    public void Each_switch_is_a_named_submit_button_that_posts_its_theme(string name, string theme)
    {
        var cut = Render<ThemeToggle>();

        var button = cut.Find($"button[aria-label='{name}']");

        Assert.Equal(("submit", "theme", theme), (button.GetAttribute("type"), button.GetAttribute("name"), button.GetAttribute("value")));
        Assert.Equal("preferences/theme", button.Closest("form")!.GetAttribute("action"));
    }

    [Fact]
    public void The_form_posts_without_a_circuit_and_returns_to_the_page_it_came_from()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("calendar?date=2026-03-10");

        var cut = Render<ThemeToggle>();

        Assert.Equal("post", cut.Find("form").GetAttribute("method"));
        Assert.Equal("/calendar?date=2026-03-10", cut.Find("input[name=returnUrl]").GetAttribute("value"));
    }
}
