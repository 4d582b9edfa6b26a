using PeerMentor.Domain.Reviews;

namespace PeerMentor.Web.Components.Pages.Reviews;

/// <summary>A student's review with the one before it in the same program, so each week shows how it moved.</summary>
public sealed record ReviewedWeek(WeeklyReview Review, WeeklyReview? Previous)
{
    public double? Change => Previous is null ? null : Math.Round(Review.Average - Previous.Average, 1);

    /// <summary>Newest first; each paired with the program's review before it (weeks without one are skipped, and said so).</summary>
    public static List<ReviewedWeek> History(IReadOnlyList<WeeklyReview> newestFirst) =>
        newestFirst.Select((review, i) => new ReviewedWeek(review,
            newestFirst.Skip(i + 1).FirstOrDefault(r => r.ProgramId == review.ProgramId))).ToList();
}
