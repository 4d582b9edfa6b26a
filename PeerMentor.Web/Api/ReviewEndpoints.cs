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
            return TypedResults.Ok(await ToDtosAsync(db, await reviews.OrderByDescending(r => r.Week).ThenBy(r => r.StudentId).Take(500).ToListAsync()));
        });

        // Reviewing a student again for the same week revises the review, on the record, as on the page.
        api.MapPost("/reviews", async (ReviewRequestDto body, HttpContext http, ReviewService reviews, AppDbContext db) =>
        {
            if (body.Week is not { } week) return ApiResults.Problem(Result.Fail("Week", "Give a day of the week under review as yyyy-mm-dd."));
            var studentId = body.StudentId ?? "";
            var result = await reviews.SubmitAsync(http.User.UserId()!, body.ProgramId, studentId, week, body.Points ?? [], body.Feedback ?? "");
            if (!result.Succeeded) return ApiResults.Problem(result);
            var monday = WeeklyReview.WeekOf(week);
            var saved = await db.Set<WeeklyReview>().AsNoTracking()
                .Where(r => r.ProgramId == body.ProgramId && r.StudentId == studentId && r.Week == monday).ToListAsync();
            return TypedResults.Ok((await ToDtosAsync(db, saved))[0]);
        }).ForRoles(Roles.Mentor);
    }

    private static async Task<List<ReviewDto>> ToDtosAsync(AppDbContext db, List<WeeklyReview> reviews)
    {
        var person = await PersonDto.LookupAsync(db, reviews.SelectMany(r => new[] { r.StudentId, r.MentorId }));
        return reviews.Select(r => new ReviewDto(r.Id, r.ProgramId, person(r.StudentId), person(r.MentorId), r.Week, r.Points, r.Average, r.Feedback, r.UpdatedUtc)).ToList();
    }
}
