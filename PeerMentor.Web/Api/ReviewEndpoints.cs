using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Reviews;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Api;

/// <summary>A weekly review; <see cref="Week"/> is the Monday the week starts on.</summary>
public sealed record ReviewDto(Guid Id, Guid ProgramId, PersonDto Student, PersonDto Mentor, DateOnly Week,
    IReadOnlyDictionary<string, int> Points, double Average, string Feedback, DateTime UpdatedUtc);
/// <summary>Any day of the week under review; points per criterion of the program's rubric.</summary>
public sealed record ReviewRequestDto(Guid ProgramId, string? StudentId, DateOnly? Week, Dictionary<string, int>? Points, string? Feedback);

/// <summary>/api/v1 for weekly reviews: students read theirs, mentors review their group, admins read all.</summary>
public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this WebApplication app)
    {
        var api = app.MapApiGroup("Reviews");

        api.MapGet("/reviews", async (Guid? programId, HttpContext http, AppDbContext db) =>
        {
            var me = http.User.UserId();
            var reviews = db.Set<WeeklyReview>().AsNoTracking();
            // Students: their own. Mentors: the students now in their group in that program, whoever wrote or revised the review.
            if (!http.User.IsAdmin())
                reviews = reviews.Where(r => r.StudentId == me || db.ProgramMembers.Any(m => m.ProgramId == r.ProgramId
                    && m.UserId == r.StudentId && m.MentorId == me && m.LeftUtc == null));
            if (programId is { } only) reviews = reviews.Where(r => r.ProgramId == only);
            return TypedResults.Ok(await ToDtosAsync(db, reviews, page => page.OrderByDescending(r => r.Review.Week).ThenBy(r => r.Review.StudentId).Take(500)));
        }).CachedPerCaller();

        // Reviewing a student again for the same week revises the review, on the record, as on the page.
        api.MapPost("/reviews", async (ReviewRequestDto body, HttpContext http, ReviewService reviews, AppDbContext db) =>
        {
            if (body.Week is not { } week) return ApiResults.Problem(Result.Fail("Week", "Give a day of the week under review as yyyy-mm-dd."));
            var studentId = body.StudentId ?? "";
            var result = await reviews.SubmitAsync(http.User.UserId()!, body.ProgramId, studentId, week, body.Points ?? [], body.Feedback ?? "");
            if (!result.Succeeded) return ApiResults.Problem(result);
            var monday = WeeklyReview.WeekOf(week);
            var saved = db.Set<WeeklyReview>().AsNoTracking().Where(r => r.ProgramId == body.ProgramId && r.StudentId == studentId && r.Week == monday);
            return TypedResults.Ok((await ToDtosAsync(db, saved, one => one))[0]);
        }).ForRoles(Roles.Mentor);
    }

    /// <summary>The reviews with both people's display names, read in one statement; <paramref name="page"/> orders and limits them.</summary>
    private static async Task<List<ReviewDto>> ToDtosAsync(AppDbContext db, IQueryable<WeeklyReview> reviews, Func<IQueryable<NamedReview>, IQueryable<NamedReview>> page)
    {
        var named = from r in reviews
                    join student in db.Users on r.StudentId equals student.Id
                    join mentor in db.Users on r.MentorId equals mentor.Id
                    select new NamedReview { Review = r, Student = student.DisplayName, Mentor = mentor.DisplayName };
        return (await page(named).ToListAsync()).ConvertAll(x => new ReviewDto(x.Review.Id, x.Review.ProgramId, new PersonDto(x.Review.StudentId, x.Student),
            new PersonDto(x.Review.MentorId, x.Mentor), x.Review.Week, x.Review.Points, x.Review.Average, x.Review.Feedback, x.Review.UpdatedUtc));
    }

    // Set by an initializer, not a constructor, so EF can still order by its members after the projection.
    private sealed class NamedReview
    {
        public required WeeklyReview Review { get; init; }
        public required string Student { get; init; }
        public required string Mentor { get; init; }
    }
}
