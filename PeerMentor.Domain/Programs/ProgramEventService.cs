using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Programs;

/// <summary>Masterclasses and events: admins for any audience, mentors for their program or their own group.</summary>
public sealed class ProgramEventService(AppDbContext db, TimeProvider clock, IOptions<NotificationOptions> notifications,
    IOptions<MailSenderOptions> sender, AppLinks links)
{
    public const string EventGone = "the event was removed";
    public const string EventCancelled = "the event was cancelled";
    public const string EventMoved = "the event changed and this reminder no longer applies";
    public const string NoLongerInAudience = "the student is no longer in the event's program or group";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Null when a due masterclass reminder should be sent; otherwise why not (same "missed" rule as sessions).</summary>
    public static string? WhyNotRemind(DateTime? eventStartUtc, DateTime nowUtc, bool cancelled = false) =>
        eventStartUtc is null ? EventGone
        : cancelled ? EventCancelled
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

    /// <summary>
    /// Changes an event. Only its author (a mentor still in the program) or an admin may; anyone else is told it
    /// does not exist. The audience is mailed the change in their own zone, and queued reminders follow the new start.
    /// </summary>
    public async Task<Result> EditAsync(string userId, bool isAdmin, Guid eventId, EventInput input)
    {
        var (existing, program) = await EditableAsync(userId, isAdmin, eventId);
        if (existing is null || program is null) return Result.Missing("That event");
        var allowed = Allowed(program, userId, isAdmin, input.GroupMentorId);
        if (!allowed.Succeeded) return allowed;
        var (oldStart, oldEnd, oldAudience) = (existing.StartUtc, existing.EndUtc, Audience(program, existing));
        var edited = existing.Edit(input, Now);
        if (!edited.Succeeded) return edited;
        var audience = Audience(program, existing);
        var people = await db.Users.AsNoTracking().Where(u => audience.Contains(u.Id) || oldAudience.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
        var moved = oldStart != existing.StartUtc || oldEnd != existing.EndUtc;
        foreach (var id in audience)
            Enqueue(EventEmails.Changed(program, existing, people[id], moved ? (oldStart, oldEnd) : null, links, Invite(program, existing, people[id])), people[id]);
        foreach (var id in oldAudience.Except(audience))
            Enqueue(EventEmails.Cancelled(program, existing, people[id], "It is now for another group.", Invite(program, existing, people[id], cancel: true)), people[id]);
        if (moved && (IsUrgent(oldStart) || IsUrgent(existing.StartUtc)))
            await TextUrgentChangeAsync(audience.Select(id => people[id]), "Masterclass moved at short notice", student =>
                $"PeerMentor: {existing.Title} ({program.Name}) has moved to {LocalTimes.Describe(existing.StartUtc, existing.EndUtc, student.TimeZoneId)}.");
        await PlanRemindersAsync(program, existing, audience.Select(id => people[id]).ToList());
        await db.SaveChangesAsync();
        return edited;
    }

    /// <summary>Calls an event off: it stays visible as cancelled, its audience is mailed and its queued reminders are skipped.</summary>
    public async Task<Result> CancelAsync(string userId, bool isAdmin, Guid eventId, string? reason)
    {
        var (existing, program) = await EditableAsync(userId, isAdmin, eventId);
        if (existing is null || program is null) return Result.Missing("That event");
        var cancelled = existing.Cancel(reason, Now);
        if (!cancelled.Succeeded) return cancelled;
        var audience = Audience(program, existing);
        var students = await db.Users.AsNoTracking().Where(u => audience.Contains(u.Id)).ToListAsync();
        foreach (var student in students)
            Enqueue(EventEmails.Cancelled(program, existing, student, existing.CancelReason, Invite(program, existing, student, cancel: true)), student);
        if (IsUrgent(existing.StartUtc))
            await TextUrgentChangeAsync(students, "Masterclass cancelled at short notice", student =>
                $"PeerMentor: {existing.Title} ({program.Name}), {LocalTimes.Describe(existing.StartUtc, existing.EndUtc, student.TimeZoneId)}, is cancelled."
                + (existing.CancelReason is { } reason ? $" {reason}" : ""));
        foreach (var reminder in await QueuedRemindersAsync(existing.Id)) reminder.Skip(EventCancelled);
        await db.SaveChangesAsync();
        return cancelled;
    }

    /// <summary>Attaches a link or recording (a link, or a video the caller already stored); the audience is mailed.</summary>
    public async Task<(Result Result, Guid? Id)> AddResourceAsync(string userId, bool isAdmin, Guid eventId, ResourceInput input, StoredFile? file)
    {
        var (existing, program) = await EditableAsync(userId, isAdmin, eventId);
        if (existing is null || program is null) return (Result.Missing("That event"), null);
        if (existing.IsCancelled) return (Result.Fail("", "This event was cancelled; resources can no longer be added."), null);
        var (result, resource) = EventResource.Create(existing.Id, userId, input, file, Now);
        if (resource is null) return (result, null);
        db.Add(resource);
        var audience = Audience(program, existing);
        foreach (var student in await db.Users.AsNoTracking().Where(u => audience.Contains(u.Id)).ToListAsync())
            Enqueue(EventEmails.NewResource(program, existing, resource, student, links), student);
        await db.SaveChangesAsync();
        return (result, resource.Id);
    }

    /// <summary>Removes a resource; returns the stored file it used, for the caller to delete once this is saved.</summary>
    public async Task<(Result Result, string? StoredName)> RemoveResourceAsync(string userId, bool isAdmin, Guid resourceId)
    {
        var resource = await db.Set<EventResource>().FirstOrDefaultAsync(r => r.Id == resourceId);
        if (resource is null) return (Result.Missing("That resource"), null);
        var (existing, _) = await EditableAsync(userId, isAdmin, resource.EventId);
        if (existing is null) return (Result.Missing("That resource"), null);
        db.Remove(resource);
        await db.SaveChangesAsync();
        return (Result.Ok(), resource.StoredName);
    }

    /// <summary>A resource if this person may see it: the event's audience (as <see cref="VisibleTo"/>), its author and admins.</summary>
    public async Task<EventResource?> FindResourceForAsync(string userId, bool isAdmin, Guid resourceId)
    {
        var resource = await db.Set<EventResource>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId);
        if (resource is null) return null;
        return isAdmin
            || await db.Set<ProgramEvent>().AnyAsync(e => e.Id == resource.EventId && e.CreatedById == userId)
            || await VisibleTo(db, userId).AnyAsync(e => e.Id == resource.EventId)
            ? resource : null;
    }

    /// <summary>Whether this person may change the event: an admin, or its author while still a mentor of the program.</summary>
    public async Task<bool> CanEditAsync(string userId, bool isAdmin, Guid eventId) => (await EditableAsync(userId, isAdmin, eventId)).Event is not null;

    /// <summary>The events a person may see: their programs' whole-program events and their own group's.</summary>
    public static IQueryable<ProgramEvent> VisibleTo(AppDbContext db, string userId) => ProgramAudience.VisibleTo(db.Set<ProgramEvent>(), db, userId);

    private static Result Allowed(MentoringProgram program, string userId, bool isAdmin, string? groupMentorId)
    {
        if (groupMentorId is not null && !program.Active.Any(m => m.UserId == groupMentorId && m.Role == Roles.Mentor))
            return Result.Fail("GroupMentorId", "That mentor is not in this program.");
        if (isAdmin) return Result.Ok();
        if (!program.Active.Any(m => m.UserId == userId && m.Role == Roles.Mentor))
            return Result.Denied("Only the program's admins and mentors can add events to it.");
        return groupMentorId is null || groupMentorId == userId ? Result.Ok() : Result.Denied("Mentors add events for their own group only.");
    }

    private async Task<(ProgramEvent? Event, MentoringProgram? Program)> EditableAsync(string userId, bool isAdmin, Guid eventId)
    {
        var existing = await db.Set<ProgramEvent>().FirstOrDefaultAsync(e => e.Id == eventId);
        if (existing is null) return (null, null);
        var program = await db.Programs.Include(p => p.Members).FirstAsync(p => p.Id == existing.ProgramId);
        var mayEdit = isAdmin || (existing.CreatedById == userId && program.Active.Any(m => m.UserId == userId && m.Role == Roles.Mentor));
        return mayEdit ? (existing, program) : (null, null);
    }

    /// <summary>
    /// Students who join a program, or a mentor's group, after its events were announced get each upcoming event
    /// they now see as if they had been there: the mail with its invite and its reminders. Whoever already has the
    /// event's reminders queued or sent is left alone. <paramref name="program"/> is taken as the caller holds it
    /// (with its unsaved placements); the caller saves.
    /// </summary>
    public async Task CatchUpAsync(MentoringProgram program, IReadOnlyCollection<string> studentIds)
    {
        if (studentIds.Count == 0) return;
        var now = Now;
        var upcoming = await db.Set<ProgramEvent>().AsNoTracking()
            .Where(e => e.ProgramId == program.Id && e.CancelledUtc == null && e.StartUtc > now).OrderBy(e => e.StartUtc).ToListAsync();
        if (upcoming.Count == 0) return;
        var eventIds = upcoming.Select(e => e.Id).ToList();
        var known = (await db.Outbox.AsNoTracking()
            .Where(m => m.EventId != null && eventIds.Contains(m.EventId.Value) && m.UserId != null && studentIds.Contains(m.UserId))
            .Select(m => new { m.EventId, m.UserId }).ToListAsync()).Select(m => (m.EventId!.Value, m.UserId!)).ToHashSet();
        var students = await db.Users.AsNoTracking().Where(u => studentIds.Contains(u.Id)).ToListAsync();
        var choices = await NotificationChoices.ForAsync(db, studentIds);
        foreach (var programEvent in upcoming)
        {
            var audience = Audience(program, programEvent);
            foreach (var student in students.Where(s => audience.Contains(s.Id) && !known.Contains((programEvent.Id, s.Id))))
            {
                Enqueue(EventEmails.Created(program, programEvent, student, links, Invite(program, programEvent, student)), student);
                db.Outbox.AddRange(ComposeReminders(program, programEvent, student, choices[student.Id]));
            }
        }
    }

    /// <summary>
    /// Students who no longer see a program's events (they left it, or left the group of <paramref name="groupMentorId"/>)
    /// are not reminded of them: their queued reminders are skipped. The caller saves.
    /// </summary>
    public async Task ForgetRemindersAsync(Guid programId, IReadOnlyCollection<string> studentIds, string? groupMentorId = null)
    {
        if (studentIds.Count == 0) return;
        var eventIds = db.Set<ProgramEvent>().Where(e => e.ProgramId == programId && (groupMentorId == null || e.GroupMentorId == groupMentorId)).Select(e => e.Id);
        foreach (var reminder in await db.Outbox.Where(m => m.Kind == OutboxKind.Reminder && m.Status == DeliveryStatus.Queued
                && m.EventId != null && eventIds.Contains(m.EventId.Value) && m.UserId != null && studentIds.Contains(m.UserId)).ToListAsync())
            reminder.Skip(NoLongerInAudience);
    }

    /// <summary>Still ahead, but sooner than <see cref="NotificationOptions.UrgentChangeHours"/>: a mail alone may not be read in time.</summary>
    private bool IsUrgent(DateTime startUtc) => startUtc > Now && startUtc - Now < TimeSpan.FromHours(notifications.Value.UrgentChangeHours);

    /// <summary>Also texts each student who wants masterclass texts and has a verified phone (the mail goes out as well).</summary>
    private async Task TextUrgentChangeAsync(IEnumerable<AppUser> students, string label, Func<AppUser, string> text)
    {
        var list = students.ToList();
        var choices = await NotificationChoices.ForAsync(db, list.Select(s => s.Id));
        foreach (var student in list)
        {
            if (choices[student.Id].SmsTo(student, NotificationTopic.MasterclassReminders) is { } phone)
                db.Outbox.Add(OutboxMessage.Sms(new SmsMessage(phone, text(student)), label, student.Email, Now, NotificationTopic.MasterclassReminders, student.Id));
        }
    }

    private static List<string> Audience(MentoringProgram program, ProgramEvent programEvent) => ProgramAudience.Students(program, programEvent);

    private void Enqueue(MailMessage message, AppUser to) => db.Outbox.Add(OutboxMessage.Mail(message, Now, NotificationTopic.ProgramNews, to.Id));

    private MailAttachment Invite(MentoringProgram program, ProgramEvent programEvent, AppUser to, bool cancel = false) =>
        EventInvite.For(program, programEvent, to, cancel, sender.Value.Address(), links, Now);

    private Task<List<OutboxMessage>> QueuedRemindersAsync(Guid eventId) =>
        db.Outbox.Where(m => m.EventId == eventId && m.Kind == OutboxKind.Reminder && m.Status == DeliveryStatus.Queued).ToListAsync();

    private async Task NotifyAsync(MentoringProgram program, ProgramEvent created)
    {
        var audience = Audience(program, created);
        var choices = await NotificationChoices.ForAsync(db, audience);
        foreach (var student in await db.Users.AsNoTracking().Where(u => audience.Contains(u.Id)).ToListAsync())
        {
            Enqueue(EventEmails.Created(program, created, student, links, Invite(program, created, student)), student);
            db.Outbox.AddRange(ComposeReminders(program, created, student, choices[student.Id]));
        }
    }

    /// <summary>Queued reminders move to the new start (with a text that names it); new audience members get theirs; the rest are skipped.</summary>
    private async Task PlanRemindersAsync(MentoringProgram program, ProgramEvent programEvent, List<AppUser> students)
    {
        var queued = await QueuedRemindersAsync(programEvent.Id);
        var choices = await NotificationChoices.ForAsync(db, students.Select(s => s.Id));
        var moved = new HashSet<OutboxMessage>();
        foreach (var student in students)
        {
            foreach (var reminder in ComposeReminders(program, programEvent, student, choices[student.Id]))
            {
                var existing = queued.FirstOrDefault(r => !moved.Contains(r) && r.ReminderMinutes == reminder.ReminderMinutes
                    && r.Email == student.Email && r.Channel == reminder.Channel);
                if (existing is null) db.Outbox.Add(reminder);
                else
                {
                    existing.Move(reminder);
                    moved.Add(existing);
                }
            }
        }
        foreach (var stale in queued.Where(r => !moved.Contains(r))) stale.Skip(EventMoved);
    }

    /// <summary>
    /// A text shortly before the start to each student who wants masterclass reminders by SMS and has a verified phone,
    /// an email to the others; queued with
    /// the event so it cannot be forgotten, and skipped by the dispatcher if the event is gone or has started.
    /// </summary>
    private IEnumerable<OutboxMessage> ComposeReminders(MentoringProgram program, ProgramEvent programEvent, AppUser student, NotificationChoices choices)
    {
        var lead = notifications.Value.SmsReminderMinutes;
        foreach (var (minutes, due) in SessionReminders.Plan(programEvent.StartUtc, [lead], Now))
        {
            var when = LocalTimes.Describe(programEvent.StartUtc, programEvent.EndUtc, student.TimeZoneId);
            var text = $"PeerMentor: {programEvent.Title} ({program.Name}) starts {when}." + (programEvent.MeetingUrl is null ? "" : $" Join: {programEvent.MeetingUrl}");
            var subject = $"Reminder: {programEvent.Title}, {when}";
            var message = choices.SmsTo(student, NotificationTopic.MasterclassReminders) is { } phone
                ? OutboxMessage.Sms(new SmsMessage(phone, text), subject, student.Email, Now, NotificationTopic.MasterclassReminders, student.Id)
                : OutboxMessage.Mail(new MailMessage(student.Email!, subject, $"Hi {student.DisplayName},\n\n{text}\n\n— PeerMentor",
                    $"<p>Hi {System.Net.WebUtility.HtmlEncode(student.DisplayName)},</p><p>{System.Net.WebUtility.HtmlEncode(text)}</p><p>— PeerMentor</p>"), Now, NotificationTopic.MasterclassReminders, student.Id);
            yield return OutboxMessage.EventReminder(message, programEvent.Id, minutes, due);
        }
    }
}
