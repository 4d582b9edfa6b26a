using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Reviews;

/// <summary>Weekly reviews: mentors review their own group; admins may revise any review, on the record.</summary>
public sealed class ReviewService(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates or revises the mentor's review of a student for a week. Only students in the mentor's group.</summary>
    public async Task<Result> SubmitAsync(string mentorId, Guid programId, string studentId, DateOnly week,
        IReadOnlyDictionary<string, int> points, string feedback)
    {
        var inGroup = await db.ProgramMembers.AnyAsync(m => m.ProgramId == programId && m.UserId == studentId
            && m.MentorId == mentorId && m.LeftUtc == null);
        if (!inGroup) return Result.Denied("That student is not in your group in this program.");
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == programId);
        var weekChecked = WeeklyReview.CheckWeek(week, program.StartsOn, program.EndsOn, await TodayForAsync(mentorId));
        if (!weekChecked.Succeeded) return weekChecked;
        var monday = WeeklyReview.WeekOf(week);
        var existing = await db.Set<WeeklyReview>().Include(r => r.Changes)
            .FirstOrDefaultAsync(r => r.ProgramId == programId && r.StudentId == studentId && r.Week == monday);
        if (existing is not null)
        {
            var revised = existing.Revise(mentorId, program.Criteria, points, feedback, Now);
            if (revised.Succeeded) await db.SaveChangesAsync();
            return revised;
        }
        var (result, review) = WeeklyReview.Create(programId, mentorId, studentId, monday, program.Criteria, points, feedback, Now);
        if (review is null) return result;
        db.Add(review);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>The later of today in UTC (the week the review page offers) and in the mentor's zone (east of UTC it may already be Monday).</summary>
    private async Task<DateOnly> TodayForAsync(string mentorId)
    {
        var zone = await db.Users.Where(u => u.Id == mentorId).Select(u => u.TimeZoneId).SingleAsync();
        var (utc, local) = (DateOnly.FromDateTime(Now), DateOnly.FromDateTime(LocalTimes.ToLocal(Now, zone)));
        return utc > local ? utc : local;
    }

    public async Task<Result> ReviseAsAdminAsync(string adminId, Guid reviewId, IReadOnlyDictionary<string, int> points, string feedback)
    {
        var review = await db.Set<WeeklyReview>().Include(r => r.Changes).FirstOrDefaultAsync(r => r.Id == reviewId);
        if (review is null) return Result.Missing("That review");
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == review.ProgramId);
        var revised = review.Revise(adminId, program.Criteria, points, feedback, Now);
        if (revised.Succeeded) await db.SaveChangesAsync();
        return revised;
    }
}
