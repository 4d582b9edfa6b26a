namespace PeerMentor.Domain.Programs;

public enum EventResourceKind
{
    Link,
    /// <summary>A video: a link to where it is hosted, or a file we keep.</summary>
    Recording,
}

/// <summary>Something attached to an event for its audience: a link, or a recording (video link or uploaded video).</summary>
public class EventResource
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EventId { get; private set; }
    public EventResourceKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string? Url { get; private set; }
    public string? StoredName { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? Length { get; private set; }
    public string AddedById { get; private set; } = "";
    public DateTime AddedUtc { get; private set; }

    public bool HasFile => StoredName is not null;

    public static (Result Result, EventResource? Resource) Create(Guid eventId, string addedById, ResourceInput input, StoredFile? file, DateTime nowUtc)
    {
        var result = Result.Ok();
        var title = input.Title.Trim();
        if (title.Length == 0) result.Add("Title", "Give the resource a title.");
        else if (title.Length > 200) result.Add("Title", "Use at most 200 characters.");
        var url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        if (file is not null && input.Kind != EventResourceKind.Recording) result.Add("File", "Only recordings can be uploaded; give a link instead.");
        else if (file is not null && url is not null) result.Add("Url", "Give a link or upload a video, not both.");
        else if (file is null && url is null) result.Add("Url", input.Kind == EventResourceKind.Recording ? "Give a video link or upload a video." : "Give a link.");
        else if (url is not null && !(url.Length <= 500 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            result.Add("Url", "Enter a full https:// link.");
        if (!result.Succeeded) return (result, null);
        return (result, new EventResource
        {
            EventId = eventId, Kind = input.Kind, Title = title, Url = url, AddedById = addedById, AddedUtc = nowUtc,
            StoredName = file?.StoredName, FileName = file?.FileName, ContentType = file?.ContentType, Length = file?.Length,
        });
    }
}

public sealed record ResourceInput(EventResourceKind Kind, string Title, string? Url);
