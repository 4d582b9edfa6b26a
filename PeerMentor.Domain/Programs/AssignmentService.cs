using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace PeerMentor.Domain.Programs;

/// <summary>Assignments: admins post to a program, mentors to their group; students submit; mentors review their own students.</summary>
public sealed class AssignmentService(AppDbContext db, TimeProvider clock, AppLinks links)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(Result Result, Guid? Id)> PostAsync(string userId, bool isAdmin, Guid programId, AssignmentInput input)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == programId)) return (Result.Missing("That program"), null);
        var isMentor = await db.ProgramMembers.AnyAsync(m => m.ProgramId == programId && m.UserId == userId && m.Role == Roles.Mentor && m.LeftUtc == null);
        if (!isAdmin && !isMentor) return (Result.Denied("You are not a mentor in that program, so you cannot set its assignments."), null);
        if (input.EventId is { } eventId && !await db.Set<ProgramEvent>().AnyAsync(e => e.Id == eventId && e.ProgramId == programId))
            return (Result.Fail("EventId", "That event is not in this program."), null);
        // A mentor sets work for their own group; an admin for the whole program.
        var (result, assignment) = Assignment.Create(programId, userId, isAdmin ? null : userId, input, Now);
        if (assignment is null) return (result, null);
        db.Add(assignment);
        var program = await db.Programs.Include(p => p.Members).FirstAsync(p => p.Id == programId);
        foreach (var student in await StudentsOfAsync(program, assignment))
            db.Outbox.Add(OutboxMessage.Mail(EventEmails.AssignmentPosted(program, assignment, student, links), Now, NotificationTopic.ProgramNews, student.Id));
        await db.SaveChangesAsync();
        return (result, assignment.Id);
    }

    /// <summary>Changes an assignment; only its author or an admin may (others are told it does not exist). Its students are mailed.</summary>
    public async Task<Result> EditAsync(string userId, bool isAdmin, Guid assignmentId, AssignmentInput input)
    {
        var assignment = await db.Set<Assignment>().FirstOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null || !(isAdmin || assignment.CreatedById == userId)) return Result.Missing("That assignment");
        var edited = assignment.Edit(input, Now);
        if (!edited.Succeeded) return edited;
        var program = await db.Programs.Include(p => p.Members).FirstAsync(p => p.Id == assignment.ProgramId);
        foreach (var student in await StudentsOfAsync(program, assignment))
            db.Outbox.Add(OutboxMessage.Mail(EventEmails.AssignmentChanged(program, assignment, student, links), Now, NotificationTopic.ProgramNews, student.Id));
        await db.SaveChangesAsync();
        return edited;
    }

    /// <summary>Deletes an assignment nobody has handed anything in for yet; work once handed in is never thrown away.</summary>
    public async Task<Result> DeleteAsync(string userId, bool isAdmin, Guid assignmentId)
    {
        var assignment = await db.Set<Assignment>().FirstOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null || !(isAdmin || assignment.CreatedById == userId)) return Result.Missing("That assignment");
        if (await db.Set<Submission>().AnyAsync(s => s.AssignmentId == assignmentId))
            return Result.Fail("", "Students have already handed in work for this assignment, so it cannot be deleted. Edit it instead.");
        db.Remove(assignment);
        await db.SaveChangesAsync();
        return Result.Ok();
    }

    private async Task<List<AppUser>> StudentsOfAsync(MentoringProgram program, Assignment assignment)
    {
        var ids = ProgramAudience.Students(program, assignment);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync();
    }

    /// <summary>The assignments a person sees: their programs' whole-program ones, and their own group's (as student or mentor).</summary>
    public static IQueryable<Assignment> VisibleTo(AppDbContext db, string userId) => ProgramAudience.VisibleTo(db.Set<Assignment>(), db, userId);

    /// <summary>
    /// Hands in (or replaces) the student's work. Returns the stored file the submission no longer uses, for the
    /// caller to delete once this is saved; on failure nothing is written and the caller deletes the new file.
    /// </summary>
    public async Task<(Result Result, string? ReplacedFile)> SubmitAsync(string studentId, Guid assignmentId, StoredFile? file, string? link)
    {
        var assignment = await (from a in db.Set<Assignment>()
                                join m in db.ProgramMembers on a.ProgramId equals m.ProgramId
                                where a.Id == assignmentId && m.UserId == studentId && m.Role == Roles.Student && m.LeftUtc == null
                                    && (a.GroupMentorId == null || a.GroupMentorId == m.MentorId)
                                select a).FirstOrDefaultAsync();
        if (assignment is null) return (Result.Denied("That assignment is not set for your program or group."), null);
        var existing = await db.Set<Submission>().FirstOrDefaultAsync(s => s.AssignmentId == assignmentId && s.StudentId == studentId);
        if (existing is null)
        {
            var (result, created) = Submission.Create(assignment, studentId, file, link, Now);
            if (created is null) return (result, null);
            db.Add(created);
            await db.SaveChangesAsync();
            return (result, null);
        }
        var replaced = existing.Replace(assignment, file, link, Now, out var replacedFile);
        if (!replaced.Succeeded) return (replaced, null);
        await db.SaveChangesAsync();
        return (replaced, replacedFile);
    }

    public async Task<Result> ReviewAsync(string mentorId, Guid submissionId, int? grade, string comments)
    {
        var submission = await db.Set<Submission>().FirstOrDefaultAsync(s => s.Id == submissionId);
        if (submission is null) return Result.Missing("That submission");
        if (!await IsMentorOfAsync(mentorId, submission)) return Result.Denied("Only the student's mentor can review this submission.");
        var reviewed = submission.Review(mentorId, grade, comments, Now);
        if (!reviewed.Succeeded) return reviewed;
        var assignment = await db.Set<Assignment>().AsNoTracking().FirstAsync(a => a.Id == submission.AssignmentId);
        var student = await db.Users.AsNoTracking().FirstAsync(u => u.Id == submission.StudentId);
        db.Outbox.Add(OutboxMessage.Mail(EventEmails.Graded(assignment, submission, student, links), Now, NotificationTopic.ProgramNews, student.Id));
        await db.SaveChangesAsync();
        return reviewed;
    }

    /// <summary>The submission if this person may see it: the student who handed it in, their mentor in that program, or an admin.</summary>
    public async Task<Submission?> FindForAsync(string userId, bool isAdmin, Guid submissionId)
    {
        var submission = await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId);
        if (submission is null) return null;
        return isAdmin || submission.StudentId == userId || await IsMentorOfAsync(userId, submission) ? submission : null;
    }

    private Task<bool> IsMentorOfAsync(string mentorId, Submission submission) =>
        (from a in db.Set<Assignment>()
         join m in db.ProgramMembers on a.ProgramId equals m.ProgramId
         where a.Id == submission.AssignmentId && m.UserId == submission.StudentId && m.MentorId == mentorId && m.LeftUtc == null
         select m).AnyAsync();
}
