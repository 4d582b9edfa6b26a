namespace PeerMentor.Web.Components.Pages.Reviews;

/// <summary>What a review form holds while someone types: a box per rubric criterion (empty while unscored) and the feedback.</summary>
public sealed class ReviewDraft
{
    public Dictionary<string, int?> Points { get; } = new(StringComparer.Ordinal);
    public string Feedback { get; set; } = "";

    public static ReviewDraft For(IEnumerable<string> criteria, IReadOnlyDictionary<string, int>? points, string? feedback)
    {
        var draft = new ReviewDraft { Feedback = feedback ?? "" };
        foreach (var criterion in criteria) draft.Points[criterion] = points?.TryGetValue(criterion, out var value) == true ? value : null;
        return draft;
    }

    /// <summary>Scored criteria only: an empty box is left out, so the rubric check names it next to its field.</summary>
    public IReadOnlyDictionary<string, int> Scored() =>
        Points.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value, StringComparer.Ordinal);
}
