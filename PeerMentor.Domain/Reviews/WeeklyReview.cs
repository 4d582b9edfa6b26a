using System.Globalization;

namespace PeerMentor.Domain.Reviews;

/// <summary>A mentor's points (0–10 per rubric criterion) and feedback for one student for one week.</summary>
public class WeeklyReview
{
    public const int MaxPoints = 10;
    public const int MaxFeedbackLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public string MentorId { get; private set; } = "";
    public string StudentId { get; private set; } = "";
    /// <summary>The Monday the week starts on.</summary>
    public DateOnly Week { get; private set; }
    /// <summary>"Criterion=points" pairs separated by ';' in rubric order.</summary>
    public string Scores { get; private set; } = "";
    public string Feedback { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public List<ReviewChange> Changes { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Points => ParseScores(Scores);

    public double Average => AverageOf(Scores);

    public static IReadOnlyDictionary<string, int> ParseScores(string scores) => scores.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('='))
        .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));

    /// <summary>The average of stored scores, for queries that read only the <see cref="Scores"/> column.</summary>
    public static double AverageOf(string scores)
    {
        var points = ParseScores(scores);
        return points.Count == 0 ? 0 : points.Values.Average();
    }

    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// A review is for a week of the program (from the Monday of the week it starts in to the week it ends in) that has
    /// begun by <paramref name="today"/>: the current week may be reviewed, a later one not yet.
    /// </summary>
    public static Result CheckWeek(DateOnly week, DateOnly programStartsOn, DateOnly programEndsOn, DateOnly today)
    {
        var (monday, first, last) = (WeekOf(week), WeekOf(programStartsOn), WeekOf(programEndsOn));
        if (monday < first || monday > last)
            return Result.Fail("Week", $"Pick a week of the program: from the week of {Day(first)} to the week of {Day(last)}.");
        if (monday > WeekOf(today)) return Result.Fail("Week", $"The week of {Day(monday)} has not started yet; review it once it has.");
        return Result.Ok();
    }

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static (Result Result, WeeklyReview? Review) Create(Guid programId, string mentorId, string studentId, DateOnly week,
        IReadOnlyList<string> rubric, IReadOnlyDictionary<string, int> points, string feedback, DateTime nowUtc)
    {
        var result = Check(rubric, points, feedback);
        if (!result.Succeeded) return (result, null);
        return (result, new WeeklyReview
        {
            ProgramId = programId, MentorId = mentorId, StudentId = studentId, Week = WeekOf(week),
            Scores = Format(rubric, points), Feedback = feedback.Trim(), CreatedUtc = nowUtc, UpdatedUtc = nowUtc,
        });
    }

    /// <summary>Changes points and feedback; every change after the first save is kept with who made it.</summary>
    public Result Revise(string byUserId, IReadOnlyList<string> rubric, IReadOnlyDictionary<string, int> points, string feedback, DateTime nowUtc)
    {
        var result = Check(rubric, points, feedback);
        if (!result.Succeeded) return result;
        var (scores, text) = (Format(rubric, points), feedback.Trim());
        if (scores == Scores && text == Feedback) return result;
        Changes.Add(new ReviewChange(Id, byUserId, nowUtc, Scores, Feedback));
        (Scores, Feedback, UpdatedUtc) = (scores, text, nowUtc);
        return result;
    }

    private static Result Check(IReadOnlyList<string> rubric, IReadOnlyDictionary<string, int> points, string feedback)
    {
        var result = Result.Ok();
        foreach (var criterion in rubric)
        {
            if (!points.TryGetValue(criterion, out var value)) result.Add(criterion, $"Score {criterion} from 0 to {MaxPoints}.");
            else if (value is < 0 or > MaxPoints) result.Add(criterion, $"{criterion}: points go from 0 to {MaxPoints}.");
        }
        foreach (var unknown in points.Keys.Except(rubric)) result.Add("", $"\"{unknown}\" is not on this program's rubric.");
        if (string.IsNullOrWhiteSpace(feedback)) result.Add("Feedback", "Write a few words of feedback.");
        else if (feedback.Length > MaxFeedbackLength) result.Add("Feedback", $"Use at most {MaxFeedbackLength} characters.");
        return result;
    }

    private static string Format(IReadOnlyList<string> rubric, IReadOnlyDictionary<string, int> points) =>
        string.Join(';', rubric.Select(c => $"{c}={points[c].ToString(CultureInfo.InvariantCulture)}"));
}

/// <summary>The audit trail: what a review said before someone changed it, who, and when.</summary>
public class ReviewChange
{
    public long Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public string ChangedById { get; private set; } = "";
    public DateTime ChangedUtc { get; private set; }
    public string PreviousScores { get; private set; } = "";
    public string PreviousFeedback { get; private set; } = "";

    public ReviewChange(Guid reviewId, string changedById, DateTime changedUtc, string previousScores, string previousFeedback) =>
        (ReviewId, ChangedById, ChangedUtc, PreviousScores, PreviousFeedback) = (reviewId, changedById, changedUtc, previousScores, previousFeedback);
}
