namespace PeerMentor.Domain.Programs;

/// <summary>The "App" section: where people reach the site, for links in mails queued without a request at hand.</summary>
public sealed class SiteOptions
{
    public string PublicUrl { get; set; } = "";
}
