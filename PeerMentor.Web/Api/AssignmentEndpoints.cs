using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Adapters;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Api;

/// <summary>An assignment with the caller's own hand-in, if any (mentors and admins have none).</summary>
public sealed record AssignmentDto(Guid Id, Guid ProgramId, string Title, string Instructions, DateTime DueUtc, Guid? EventId,
    string? GroupMentorId, SubmissionDto? Submission);
public sealed record SubmissionDto(Guid Id, DateTime SubmittedUtc, bool Late, string? LinkUrl, string? FileName, int? Grade, string? ReviewComments);
public sealed record SubmissionRequestDto(string? LinkUrl);

/// <summary>/api/v1 for assignments: list what the caller may see and hand in a link (file uploads stay on the page).</summary>
public static class AssignmentEndpoints
{
    public static void MapAssignmentEndpoints(this WebApplication app)
    {
        var api = app.MapApiGroup("Assignments");

        api.MapGet("/assignments", async (HttpContext http, AppDbContext db) =>
        {
            var me = http.User.UserId()!;
            var visible = http.User.IsAdmin() ? db.Set<Assignment>() : AssignmentService.VisibleTo(db, me);
            // The caller's own hand-in comes along in the same statement (one round trip per request).
            var rows = await visible.AsNoTracking().OrderBy(a => a.DueUtc).Take(500)
                .Select(a => new { Assignment = a, Mine = db.Set<Submission>().FirstOrDefault(s => s.AssignmentId == a.Id && s.StudentId == me) })
                .OrderBy(x => x.Assignment.DueUtc).ToListAsync();
            return TypedResults.Ok(rows.Select(x => new AssignmentDto(x.Assignment.Id, x.Assignment.ProgramId, x.Assignment.Title, x.Assignment.Instructions,
                x.Assignment.DueUtc, x.Assignment.EventId, x.Assignment.GroupMentorId, x.Mine is { } submission ? ToDto(submission) : null)));
        }).CachedPerCaller();

        // Handing in again replaces the earlier work, as on the page: its file is deleted once the new work is saved.
        api.MapPost("/assignments/{id:guid}/submissions", async (Guid id, SubmissionRequestDto body, HttpContext http,
            AssignmentService assignments, FileStorage storage, AppDbContext db) =>
        {
            var me = http.User.UserId()!;
            var (result, replacedFile) = await assignments.SubmitAsync(me, id, file: null, body.LinkUrl);
            if (!result.Succeeded) return ApiResults.Problem(result);
            storage.Delete(replacedFile);
            var saved = await db.Set<Submission>().AsNoTracking().FirstAsync(s => s.AssignmentId == id && s.StudentId == me);
            return TypedResults.Ok(ToDto(saved));
        }).ForRoles(Roles.Student);
    }

    private static SubmissionDto ToDto(Submission s) =>
        new(s.Id, s.SubmittedUtc, s.IsLate, s.LinkUrl, s.FileName, s.Grade, s.ReviewComments);
}
