namespace PeerMentor.Domain.Notifications;

/// <summary>
/// Absolute links for messages written away from any request (a job, the outbox): App:PublicUrl when set (behind a
/// proxy), else the address the app listens on. The base is looked up when first needed, after the server started.
/// </summary>
public sealed class AppLinks(Func<Uri> findBase)
{
    private readonly Lazy<Uri> _base = new(() => EndsWithSlash(findBase()));

    public static AppLinks Fixed(Uri baseUri) => new(() => baseUri);

    public Uri Base => _base.Value;

    public string To(string relative) => new Uri(Base, relative.TrimStart('/')).ToString();

    public string Session(Guid id) => To($"sessions/{id}");

    public string Mentor(string id) => To($"mentors/{Uri.EscapeDataString(id)}");

    private static Uri EndsWithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
