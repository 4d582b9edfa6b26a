namespace PeerMentor.Domain.Notifications;

/// <summary>
/// The one way every mail's links are made, in a request or away from any (a job, the outbox): App:PublicUrl when set
/// (behind a proxy), else the address the app listens on. Never the request's Host header, which a client chooses.
/// </summary>
public sealed class AppLinks(Func<Uri> findBase)
{
    public static AppLinks Fixed(Uri baseUri) => new(() => baseUri);

    /// <summary>
    /// Looked up at each use, not once: mails written while the app starts (demo data) come before the server knows its
    /// port, and a base guessed then must not stick to every later mail.
    /// </summary>
    public Uri Base => EndsWithSlash(findBase());

    public string To(string relative) => new Uri(Base, relative.TrimStart('/')).ToString();

    public string Session(Guid id) => To($"sessions/{id}");

    public string Mentor(string id) => To($"mentors/{Uri.EscapeDataString(id)}");

    private static Uri EndsWithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
