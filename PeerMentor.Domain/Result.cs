namespace PeerMentor.Domain;

/// <summary>
/// The outcome of an action a person asked for. Expected failures (bad input, not allowed, not found)
/// are errors keyed by the field they concern, or by "" for the whole request; the UI shows them
/// next to the field and the API turns them into ProblemDetails.
/// </summary>
public sealed class Result
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Succeeded => _errors.Count == 0;
    public bool NotFound { get; private init; }
    public bool Forbidden { get; private init; }

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public static Result Ok() => new();
    public static Result Fail(string field, string message) => new Result().Add(field, message);
    public static Result Missing(string what) => new Result { NotFound = true }.Add("", $"{what} was not found.");
    public static Result Denied(string message) => new Result { Forbidden = true }.Add("", message);

    public Result Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public IEnumerable<string> For(string field) =>
        _errors.TryGetValue(field, out var list) ? list : Enumerable.Empty<string>();

    public string Summary => string.Join(" ", _errors.SelectMany(e => e.Value));
}
