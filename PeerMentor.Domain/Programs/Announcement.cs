using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PeerMentor.Domain.Programs;

/// <summary>A post to a program's board. Markdown in, safe HTML out: no raw HTML, no script links.</summary>
public class Announcement
{
    public const int MaxLength = 10_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    public long Id { get; private set; }
    public Guid ProgramId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Markdown { get; private set; } = "";
    public bool Pinned { get; private set; }
    public DateTime PostedUtc { get; private set; }

    public static (Result Result, Announcement? Announcement) Post(Guid programId, string authorId, string title, string markdown, bool pinned, DateTime nowUtc)
    {
        var result = Result.Ok();
        if (string.IsNullOrWhiteSpace(title)) result.Add("Title", "Give the announcement a title.");
        else if (title.Length > 200) result.Add("Title", "Use at most 200 characters.");
        if (string.IsNullOrWhiteSpace(markdown)) result.Add("Markdown", "Write something to announce.");
        else if (markdown.Length > MaxLength) result.Add("Markdown", $"Use at most {MaxLength:N0} characters.");
        return result.Succeeded
            ? (result, new Announcement { ProgramId = programId, AuthorId = authorId, Title = title.Trim(), Markdown = markdown, Pinned = pinned, PostedUtc = nowUtc })
            : (result, null);
    }

    public string Html => RenderSafe(Markdown);

    /// <summary>Raw HTML is shown as text; links and images keep only http(s) and mailto targets.</summary>
    public static string RenderSafe(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>
    /// Same-site paths, fragments, and absolute http(s)/mailto. Browsers read "//host" and "/\host" as another
    /// site, drop tabs and newlines inside a URL and trim control characters around it, so a target with any
    /// whitespace or control character is refused rather than second-guessed.
    /// </summary>
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return false;
        if (url.StartsWith('#')) return true;
        if (url.StartsWith('/')) return url.Length == 1 || url[1] is not ('/' or '\\');
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }
}
