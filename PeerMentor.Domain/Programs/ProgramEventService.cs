using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Programs;

/// <summary>Masterclasses and events: admins for any audience, mentors for their program or their own group.</summary>
public sealed class ProgramEventService(AppDbContext db, TimeProvider clock, IOptions<NotificationOptions> notifications)
{
    public const string EventGone = "the event was removed";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Null when a due masterclass reminder should be sent; otherwise why not (same "missed" rule as sessions).</summary>
    public static string? WhyNotRemind(DateTime? eventStartUtc, DateTime nowUtc) =>
        eventStartUtc is null ? EventGone
        : eventStartUtc <= nowUtc ? SessionReminders.Missed
        : null;

    public async Task<(Result Result, Guid? Id)> CreateAsync(string userId, bool isAdmin, Guid programId, EventInput input)
    {
        var program = await db.Programs.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == programId);
        if (program is null) return (Result.Missing("That program"), null);
        var allowed = Allowed(program, userId, isAdmin, input.GroupMentorId);
        if (!allowed.Succeeded) return (allowed, null);
        var (result, created) = ProgramEvent.Create(programId, userId, input, Now);
        if (created is null) return (result, null);
        db.Add(created);
        await NotifyAsync(program, created);
        await db.SaveChangesAsync();
        return (result, created.Id);
    }

    /// <summary>The events a person may see: their programs' whole-program events and their own group's.</summary>
    public static IQueryable<ProgramEvent> VisibleTo(AppDbContext db, string userId) =>
        from e in db.Set<ProgramEvent>()
        join m in db.ProgramMembers on e.ProgramId equals m.ProgramId
        where m.UserId == userId && m.LeftUtc == null
            && (e.GroupMentorId == null || e.GroupMentorId == userId || e.GroupMentorId == m.MentorId)
        select e;

    private static Result Allowed(MentoringProgram program, string userId, bool isAdmin, string? groupMentorId)
    {
        if (groupMentorId is not null && !program.Active.Any(m => m.UserId == groupMentorId && m.Role == Roles.Mentor))
            return Result.Fail("GroupMentorId", "That mentor is not in this program.");
        if (isAdmin) return Result.Ok();
        if (!program.Active.Any(m => m.UserId == userId && m.Role == Roles.Mentor))
            return Result.Denied("Only the program's admins and mentors can add events to it.");
        return groupMentorId is null || groupMentorId == userId ? Result.Ok() : Result.Denied("Mentors add events for their own group only.");
    }

    private async Task NotifyAsync(MentoringProgram program, ProgramEvent created)
    {
        var audience = program.Active.Where(m => m.Role == Roles.Student
            && (created.GroupMentorId is null || m.MentorId == created.GroupMentorId)).Select(m => m.UserId).ToList();
        var choices = await NotificationChoices.ForAsync(db, audience);
        foreach (var student in await db.Users.AsNoTracking().Where(u => audience.Contains(u.Id)).ToListAsync())
        {
            var when = LocalTimes.Describe(created.StartUtc, created.EndUtc, student.TimeZoneId);
            db.Outbox.Add(OutboxMessage.Mail(new MailMessage(student.Email!, $"[{program.Name}] {created.Title}, {when}",
                $"Hi {student.DisplayName},\n\n{created.Title} on {when} (your time).\n{created.Description}\n" +
                (created.MeetingUrl is null ? "" : $"Join: {created.MeetingUrl}\n") + "\nIt is on your PeerMentor calendar.\n\n— PeerMentor",
                $"<p>Hi {System.Net.WebUtility.HtmlEncode(student.DisplayName)},</p><p><strong>{System.Net.WebUtility.HtmlEncode(created.Title)}</strong> on {System.Net.WebUtility.HtmlEncode(when)} (your time).</p>" +
                $"<p>{System.Net.WebUtility.HtmlEncode(created.Description)}</p><p>It is on your PeerMentor calendar.</p>"), Now, NotificationTopic.ProgramNews, student.Id));
            QueueReminder(program, created, student, choices[student.Id]);
        }
    }

    /// <summary>
    /// A text shortly before the start to each student who wants masterclass reminders by SMS and has a verified phone,
    /// an email to the others; queued with
    /// the event so it cannot be forgotten, and skipped by the dispatcher if the event is gone or has started.
    /// </summary>
    private void QueueReminder(MentoringProgram program, ProgramEvent created, AppUser student, NotificationChoices choices)
    {
        var lead = notifications.Value.SmsReminderMinutes;
        foreach (var (minutes, due) in SessionReminders.Plan(created.StartUtc, [lead], Now))
        {
            var when = LocalTimes.Describe(created.StartUtc, created.EndUtc, student.TimeZoneId);
            var text = $"PeerMentor: {created.Title} ({program.Name}) starts {when}." + (created.MeetingUrl is null ? "" : $" Join: {created.MeetingUrl}");
            var subject = $"Reminder: {created.Title}, {when}";
            var message = choices.SmsTo(student, NotificationTopic.MasterclassReminders) is { } phone
                ? OutboxMessage.Sms(new SmsMessage(phone, text), subject, student.Email, Now, NotificationTopic.MasterclassReminders, student.Id)
                : OutboxMessage.Mail(new MailMessage(student.Email!, subject, $"Hi {student.DisplayName},\n\n{text}\n\n— PeerMentor",
                    $"<p>Hi {System.Net.WebUtility.HtmlEncode(student.DisplayName)},</p><p>{System.Net.WebUtility.HtmlEncode(text)}</p><p>— PeerMentor</p>"), Now, NotificationTopic.MasterclassReminders, student.Id);
            db.Outbox.Add(OutboxMessage.EventReminder(message, created.Id, minutes, due));
        }
    }
}
