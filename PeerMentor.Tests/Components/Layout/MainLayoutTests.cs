using Bunit;
using Microsoft.AspNetCore.Components;
using PeerMentor.Web.Components.Layout;

namespace PeerMentor.Tests.Components.Layout;

public class MainLayoutTests : ComponentTest
{
    public MainLayoutTests() => AddAuthorization();

    [Fact]
    public void The_menu_button_is_a_named_button_that_controls_the_drawer()
    {
        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        var menu = cut.Find("button[aria-label=Menu]");

        Assert.Equal("false", menu.GetAttribute("aria-expanded"));
        var drawer = cut.Find($"#{menu.GetAttribute("aria-controls")}");
        Assert.Contains("mud-drawer", drawer.ClassList);
        Assert.NotNull(drawer.QuerySelector("nav[aria-label=Main] a[href='account/login']"));
    }

    [Fact]
    public void The_page_is_rendered_inside_the_main_landmark()
    {
        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        Assert.Equal("page body", cut.Find("main#main").TextContent.Trim());
    }
}
