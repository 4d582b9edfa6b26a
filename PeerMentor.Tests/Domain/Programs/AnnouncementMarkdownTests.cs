using PeerMentor.Domain.Programs;

namespace PeerMentor.Tests.Domain.Programs;

public class AnnouncementMarkdownTests
{
    [Fact]
    public void Markdown_formatting_is_rendered() =>
        Assert.Contains("<strong>questions</strong>", Announcement.RenderSafe("Bring **questions**."));

    [Fact]
    public void Raw_html_and_script_are_shown_as_text_not_run()
    {
        var html = Announcement.RenderSafe("Hello <script>alert(1)</script> <img src=x onerror=alert(2)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JAVASCRIPT:alert(1))", "javascript:")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    public void Links_to_script_or_data_urls_are_neutralised(string markdown, string scheme) =>
        Assert.DoesNotContain(scheme, Announcement.RenderSafe(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Https_links_stay()
    {
        Assert.Contains("href=\"https://example.com/rec\"", Announcement.RenderSafe("[recording](https://example.com/rec)"));
    }

    [Theory]
    [InlineData("[next](//evil.example/x)")]
    [InlineData("![pixel](//evil.example/p.png)")]
    [InlineData("[next](/\\evil.example/x)")]
    [InlineData("[next](/&#x5C;evil.example/x)")]
    [InlineData("[next](</\t/evil.example/x>)")]
    [InlineData("[next](<\u0001//evil.example/x>)")]
    [InlineData("[next](<java\tscript:alert(1)>)")]
    [InlineData("[next][ref]\n\n[ref]: //evil.example/x")]
    public void Links_that_a_browser_reads_as_another_site_are_neutralised(string markdown)
    {
        var html = Announcement.RenderSafe(markdown);

        Assert.DoesNotMatch("(href|src)=\"[^\"]*evil", html);
    }

    [Fact]
    public void Paths_on_this_site_stay() =>
        Assert.Contains("href=\"/calendar\"", Announcement.RenderSafe("[calendar](/calendar)"));
}
