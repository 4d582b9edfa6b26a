using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Scheduling;

public sealed class SchedulingOptions
{
    /// <summary>Requests the mentor has not answered by then expire (and never outlive their start).</summary>
    public int RequestExpiryHours { get; set; } = 48;

    /// <summary>Booked sessions cannot be cancelled or moved by their parties this close to the start.</summary>
    public int ChangeCutoffHours { get; set; } = 2;
}

public sealed record SessionRequestInput(string MentorId, DateTime StartUtc, int Minutes, string Agenda, string Notes);

public sealed record MentorProfile(AppUser Mentor, MentorAvailability Availability);

/// <summary>Requests, bookings and their changes. Every method checks who is asking.</summary>
public sealed class SessionService(AppDbContext db, TimeProvider clock, IOptions<SchedulingOptions> options, IOptions<NotificationOptions> notifications,
    AppLinks links)
{
    private readonly SessionEmails emails = new(links);

    public const string SlotTaken = "That slot was just taken. Please pick another time.";
    public const string Changed = "Someone changed this session at the same moment. Reload to see where it stands.";

    /// <summary>
    /// How far from now any time a caller names may lie. Past every booking horizon (at most 365 days) and far from
    /// DateTime's limits, so that adding a session's length, its buffers or a day of margin can never overflow.
    /// </summary>
    public static readonly TimeSpan FarthestReach = TimeSpan.FromDays(400);

    /// <summary>The longest window of free slots one call may ask for.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(62);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<MentorProfile?> FindMentorAsync(string mentorId)
    {
        var mentor = await Mentors.AsNoTracking().FirstOrDefaultAsync(u => u.Id == mentorId);
        if (mentor is null) return null;
        return new MentorProfile(mentor, await CurrentAvailability.FirstOrDefaultAsync(a => a.MentorId == mentorId) ?? MentorAvailability.For(mentorId));
    }

    /// <summary>Approved mentors whose accounts stand.</summary>
    private IQueryable<AppUser> Mentors => db.Users.Where(u => u.DeletedUtc == null && u.Approval == ApprovalStatus.Approved
        && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Mentor)));

    /// <summary>
    /// Availability with its rules and the overrides from yesterday (UTC) on, in one statement, not one per collection: a
    /// week has a handful of rules and few dates differ from it, so the joined rows stay few, and every slot list,
    /// request and answer asks this (a round trip each on PostgreSQL).
    /// </summary>
    private IQueryable<MentorAvailability> CurrentAvailability
    {
        get
        {
            var yesterday = DateOnly.FromDateTime(Now).AddDays(-1);
            return db.Availabilities.AsNoTracking().Include(a => a.Rules).Include(a => a.Overrides.Where(o => o.Date >= yesterday)).AsSingleQuery();
        }
    }

    /// <summary>The mentor's zone and availability for a slot list: one statement when they have set availability, as mentors who offer slots have.</summary>
    private async Task<(string TimeZoneId, MentorAvailability Availability)?> ScheduleOfAsync(string mentorId)
    {
        var found = await (from a in CurrentAvailability
                           join u in Mentors on a.MentorId equals u.Id
                           where a.MentorId == mentorId
                           select new { Availability = a, u.TimeZoneId }).FirstOrDefaultAsync();
        if (found is not null) return (found.TimeZoneId, found.Availability);
        return await FindMentorAsync(mentorId) is { } profile ? (profile.Mentor.TimeZoneId, profile.Availability) : null;
    }

    /// <summary>
    /// Free slots of the given length (or the mentor's shortest) from <paramref name="fromUtc"/> (default now) to
    /// <paramref name="toUtc"/> (default two weeks later); a window out of reach is refused naming "from" or "to".
    /// </summary>
    public async Task<(Result Result, IReadOnlyList<Interval> Slots)> FreeSlotsAsync(
        string mentorId, string? studentId, int? length, DateTime? from, DateTime? to)
    {
        var (result, slots, _) = await FreeSlotsUntilAsync(mentorId, studentId, length, from, to);
        return (result, slots);
    }

    /// <summary>
    /// <see cref="FreeSlotsAsync"/>, and the first instant at which the same question may get another answer while
    /// the data stays as it is (the clock moves slots into the minimum notice or within the booking horizon, and a
    /// window without a given start moves with it).
    /// </summary>
    public async Task<(Result Result, IReadOnlyList<Interval> Slots, DateTime UnchangedUntilUtc)> FreeSlotsUntilAsync(
        string mentorId, string? studentId, int? length, DateTime? from, DateTime? to)
    {
        var now = Now;
        if (from is { Kind: not DateTimeKind.Utc }) return (Result.Fail("from", "Give the time in UTC."), [], now);
        if (to is { Kind: not DateTimeKind.Utc }) return (Result.Fail("to", "Give the time in UTC."), [], now);
        var fromUtc = from ?? now;
        var window = CheckReach(fromUtc, "from");
        if (!window.Succeeded) return (window, [], now);
        var toUtc = to ?? fromUtc.AddDays(14);
        window = CheckReach(toUtc, "to");
        if (window.Succeeded && (toUtc <= fromUtc || toUtc - fromUtc > LongestWindow))
            window = Result.Fail("to", $"Ask for a window that ends after it starts and spans at most {LongestWindow.TotalDays:0} days.");
        if (!window.Succeeded) return (window, [], now);
        // The mentor's availability and zone, and the sessions, on one connection: opening one costs as much as a small query.
        await db.Database.OpenConnectionAsync();
        try
        {
            if (await ScheduleOfAsync(mentorId) is not { } mentor) return (Result.Missing("That mentor"), [], now);
            var (timeZoneId, availability) = mentor;
            var lengths = availability.Lengths;
            var minutes = length ?? lengths[0];
            if (!lengths.Contains(minutes))
                return (Result.Fail("Minutes", $"This mentor offers sessions of {string.Join(", ", lengths)} minutes."), [], now);
            var schedule = availability.ToSchedule(timeZoneId, minutes);
            var busy = await BusyAsync(mentorId, studentId, fromUtc, toUtc, schedule.Policy);
            var slots = SlotCalculator.FreeSlots(schedule, busy, fromUtc, toUtc, now, out var unchangedUntil);
            // Without a given start the window is now's; FindMentorAsync reads overrides from yesterday (UTC) on; "from"
            // falls out of reach FarthestReach after it.
            if (from is null) unchangedUntil = now;
            var nextMidnight = now.Date.AddDays(1);
            if (nextMidnight < unchangedUntil) unchangedUntil = nextMidnight;
            var fromOutOfReach = fromUtc + FarthestReach + TimeSpan.FromTicks(1);
            if (fromOutOfReach < unchangedUntil) unchangedUntil = fromOutOfReach;
            return (Result.Ok(), slots, unchangedUntil);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<(Result Result, Guid? SessionId)> RequestAsync(string studentId, SessionRequestInput input)
    {
        var result = CheckText(input.Agenda, input.Notes);
        if (input.StartUtc.Kind != DateTimeKind.Utc) result.Add("StartUtc", "Pick a start time from the list.");
        else if (CheckReach(input.StartUtc, "StartUtc") is { Succeeded: false } reach) result.Add("StartUtc", reach.Summary);
        if (input.MentorId == studentId) result.Add("", "You cannot book a session with yourself.");
        if (!result.Succeeded) return (result, null);
        var profile = await FindMentorAsync(input.MentorId);
        if (profile is null) return (Result.Missing("That mentor"), null);
        if (!profile.Availability.Lengths.Contains(input.Minutes))
            return (Result.Fail("Minutes", $"This mentor offers sessions of {string.Join(", ", profile.Availability.Lengths)} minutes."), null);

        var slot = new Interval(input.StartUtc, input.StartUtc.AddMinutes(input.Minutes));
        var existing = await OpenRequestAsync(studentId, input.MentorId, slot.StartUtc);
        if (existing is not null) return (Result.Ok(), existing);

        var schedule = profile.Availability.ToSchedule(profile.Mentor.TimeZoneId, input.Minutes);
        var refusal = SlotCalculator.Check(schedule, await BusyAsync(input.MentorId, studentId, slot.StartUtc, slot.EndUtc, schedule.Policy), slot, Now);
        if (refusal != SlotRefusal.None) return (Result.Fail("StartUtc", Explain(refusal)), null);

        var session = Session.Request(input.MentorId, studentId, slot, input.Agenda, input.Notes, Now, Now.AddHours(options.Value.RequestExpiryHours));
        db.Sessions.Add(session);
        var people = await PeopleAsync(input.MentorId, studentId);
        if (profile.Availability.AutoAccept)
        {
            session.Accept(input.MentorId, profile.Availability.MeetingUrl, Now);
            await DeclineOverlappingAsync(session, schedule.Policy);
            Enqueue(people[input.MentorId], emails.Booked(session, people[input.MentorId], people[studentId]));
            Enqueue(people[studentId], emails.Accepted(session, people[input.MentorId], people[studentId]));
            await PlanRemindersAsync(session, people);
        }
        else
        {
            Enqueue(people[input.MentorId], emails.Requested(session, people[input.MentorId], people[studentId]));
        }

        try
        {
            var saved = await SaveAsync(session);
            return (saved, saved.Succeeded ? session.Id : null);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // The same request submitted twice at once: the first one stands.
            db.ChangeTracker.Clear();
            return (Result.Ok(), await OpenRequestAsync(studentId, input.MentorId, slot.StartUtc));
        }
    }

    public async Task<Result> EditRequestAsync(string studentId, Guid sessionId, DateTime startUtc, int minutes, string agenda, string notes)
    {
        var text = CheckText(agenda, notes);
        if (!text.Succeeded) return text;
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.StudentId == studentId);
        if (session is null) return Result.Missing("That request");
        if (session.Status != SessionStatus.Requested) return session.Edit(session.Time, agenda, notes);
        var reach = CheckReach(startUtc, "StartUtc");
        if (!reach.Succeeded) return reach;
        if (minutes is <= 0 or > 24 * 60) return Result.Fail("Minutes", "This mentor does not offer that length.");
        var slot = new Interval(startUtc, startUtc.AddMinutes(minutes));
        if (slot == session.Time)
        {
            // Only the words change: the time was checked when it was asked for.
            session.Edit(slot, agenda, notes);
            return await SaveAsync();
        }

        var profile = await FindMentorAsync(session.MentorId);
        if (profile is null) return Result.Missing("That mentor");
        if (!profile.Availability.Lengths.Contains(minutes)) return Result.Fail("Minutes", "This mentor does not offer that length.");
        var schedule = profile.Availability.ToSchedule(profile.Mentor.TimeZoneId, minutes);
        var refusal = SlotCalculator.Check(schedule, await BusyAsync(session.MentorId, studentId, slot.StartUtc, slot.EndUtc, schedule.Policy, except: session.Id), slot, Now);
        if (refusal != SlotRefusal.None) return Result.Fail("StartUtc", Explain(refusal));
        var edited = session.Edit(slot, agenda, notes);
        return edited.Succeeded ? await SaveAsync() : edited;
    }

    /// <summary>
    /// Accepting re-checks the time: it must keep the mentor's buffers around their other sessions and miss the
    /// student's other sessions; the database refuses an overlap inside the write, and every other open request
    /// this booking now excludes (the mentor's, buffers included, and the student's elsewhere) is declined with a reason.
    /// </summary>
    public async Task<Result> AcceptAsync(string mentorId, Guid sessionId)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.MentorId == mentorId);
        if (session is null) return Result.Missing("That request");
        if (session.Status != SessionStatus.Requested) return session.Accept(mentorId, null, Now);
        var availability = await db.Availabilities.AsNoTracking().FirstOrDefaultAsync(a => a.MentorId == mentorId) ?? MentorAvailability.For(mentorId);
        var policy = availability.ToSchedule("UTC", (int)session.Time.Length.TotalMinutes).Policy;
        if (SlotCalculator.Conflicts(policy, await BusyAsync(mentorId, null, session.StartUtc, session.EndUtc, policy, except: session.Id), session.Time))
            return Result.Fail("", policy.BufferBeforeMinutes + policy.BufferAfterMinutes == 0 ? SlotTaken
                : $"This is too close to another session you have booked: you keep {policy.BufferBeforeMinutes} minutes before and "
                    + $"{policy.BufferAfterMinutes} minutes after each session (your availability settings). Reject it with a reason, or change your buffers.");
        if (SlotCalculator.Conflicts(policy, await BusyAsync(mentorId, session.StudentId, session.StartUtc, session.EndUtc, policy, except: session.Id), session.Time))
            return Result.Fail("", "The student has booked another session at this time.");
        var accepted = session.Accept(mentorId, availability.MeetingUrl, Now);
        if (!accepted.Succeeded) return accepted;
        await DeclineOverlappingAsync(session, policy);
        var people = await PeopleAsync(session.MentorId, session.StudentId);
        Enqueue(people[session.StudentId], emails.Accepted(session, people[session.MentorId], people[session.StudentId]));
        Enqueue(people[session.MentorId], emails.AcceptedByYou(session, people[session.MentorId], people[session.StudentId]));
        await PlanRemindersAsync(session, people);
        return await SaveAsync(session);
    }

    public async Task<Result> RejectAsync(string mentorId, Guid sessionId, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Result.Fail("Reason", "Tell the student why, so they can ask better next time.");
        if (reason.Length > Session.MaxReasonLength) return Result.Fail("Reason", $"Use at most {Session.MaxReasonLength} characters.");
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.MentorId == mentorId);
        if (session is null) return Result.Missing("That request");
        var rejected = session.Reject(mentorId, reason, Now);
        if (!rejected.Succeeded) return rejected;
        var people = await PeopleAsync(session.MentorId, session.StudentId);
        Enqueue(people[session.StudentId], emails.Answered(session, people[session.MentorId], people[session.StudentId]));
        return await SaveAsync();
    }

    /// <summary>A party cancels (a student may also withdraw a request); an admin cancels anything, at any time.</summary>
    public async Task<Result> CancelAsync(string userId, Guid sessionId, string reason, bool asAdmin = false)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Result.Fail("Reason", "Give a reason; the other person will see it.");
        if (reason.Length > Session.MaxReasonLength) return Result.Fail("Reason", $"Use at most {Session.MaxReasonLength} characters.");
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null || (!asAdmin && !session.IsParty(userId))) return Result.Missing("That session");
        var changes = session.ChangesFor(userId, asAdmin, Now, options.Value.ChangeCutoffHours);
        if (!changes.CanCancel) return Result.Fail("", changes.Closed ?? $"This session is {session.Describe()} already.");

        var wasBooked = session.Status == SessionStatus.Accepted;
        var urgent = wasBooked && IsUrgent(session.StartUtc);
        var cancelled = session.Cancel(userId, reason, Now);
        if (!cancelled.Succeeded) return cancelled;
        var people = await PeopleAsync(session.MentorId, session.StudentId, userId);
        // Whoever cancels a booked session gets a copy too: it carries the CANCEL that clears their own calendar.
        var invite = wasBooked ? SessionInvite.For(session, people[session.MentorId], people[session.StudentId]) : null;
        foreach (var party in new[] { session.MentorId, session.StudentId }.Where(id => wasBooked || id != userId))
            Enqueue(people[party], emails.Cancelled(session, people[party], people[userId], invite));
        if (urgent) await TextUrgentChangeAsync(session, people, userId, "Session cancelled at short notice", SessionEmails.CancelledText);
        foreach (var reminder in await QueuedRemindersAsync(session)) reminder.Skip(SessionReminders.Cancelled);
        return await SaveAsync();
    }

    /// <summary>Moves a booked session, keeping its identity. Students move only into the mentor's availability.</summary>
    public async Task<Result> RescheduleAsync(string userId, Guid sessionId, DateTime newStartUtc, string reason)
    {
        if (reason.Length > Session.MaxReasonLength) return Result.Fail("Reason", $"Use at most {Session.MaxReasonLength} characters.");
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null || !session.IsParty(userId)) return Result.Missing("That session");
        if (session.Status != SessionStatus.Accepted) return Result.Fail("", $"Only booked sessions can be moved; this one is {session.Describe()}.");
        var changes = session.ChangesFor(userId, asAdmin: false, Now, options.Value.ChangeCutoffHours);
        if (!changes.CanMove) return Result.Fail("", changes.Closed ?? $"This session is {session.Describe()}.");
        var reach = CheckReach(newStartUtc, "StartUtc");
        if (!reach.Succeeded) return reach;

        var slot = new Interval(newStartUtc, newStartUtc + (session.EndUtc - session.StartUtc));
        var profile = await FindMentorAsync(session.MentorId);
        if (profile is null) return Result.Missing("That mentor");
        var schedule = profile.Availability.ToSchedule(profile.Mentor.TimeZoneId, (int)slot.Length.TotalMinutes);
        var busy = await BusyAsync(session.MentorId, session.StudentId, slot.StartUtc, slot.EndUtc, schedule.Policy, except: session.Id);
        // The mentor may move a session outside their published hours, but not into their own buffers.
        var refusal = userId == session.MentorId
            ? (slot.StartUtc <= Now ? SlotRefusal.InPast : SlotCalculator.Conflicts(schedule.Policy, busy, slot) ? SlotRefusal.Conflicts : SlotRefusal.None)
            : SlotCalculator.Check(schedule, busy, slot, Now);
        if (refusal != SlotRefusal.None) return Result.Fail("StartUtc", Explain(refusal));

        // Urgent when the old or the new time is less than a day away: either way someone's plans for the next day change.
        var urgent = IsUrgent(session.StartUtc) || IsUrgent(slot.StartUtc);
        session.Reschedule(userId, slot, reason, Now);
        var people = await PeopleAsync(session.MentorId, session.StudentId, userId);
        var invite = SessionInvite.For(session, people[session.MentorId], people[session.StudentId]);
        foreach (var party in new[] { session.MentorId, session.StudentId })
            Enqueue(people[party], emails.Rescheduled(session, people[party], people[userId], invite));
        if (urgent) await TextUrgentChangeAsync(session, people, userId, "Session moved at short notice", SessionEmails.MovedText);
        await PlanRemindersAsync(session, people);
        return await SaveAsync(session);
    }

    /// <summary>Expires requests nobody answered in time (the longest overdue first, 500 a run), and tells each student. Returns how many expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.Sessions.Where(s => s.Status == SessionStatus.Requested && s.ExpiresUtc <= now)
            .OrderBy(s => s.ExpiresUtc).Take(500).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var people = await PeopleAsync([.. due.SelectMany(s => new[] { s.MentorId, s.StudentId })]);
        foreach (var session in due)
        {
            session.Expire(now);
            Enqueue(people[session.StudentId], emails.Answered(session, people[session.MentorId], people[session.StudentId]));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return due.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance (or a mentor's answer) got there first; the status token rolled this
            // batch back whole, mails included, and the next run picks up whatever is still due.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>
    /// Tells the students who work with this mentor (their group in any program, and anyone who has booked with
    /// them) that new slots are open. Returns how many were told.
    /// </summary>
    public async Task<int> PublishSlotsAsync(string mentorId)
    {
        var availability = await db.Availabilities.FirstOrDefaultAsync(a => a.MentorId == mentorId);
        if (availability is null) return 0;
        availability.MarkPublished(Now);
        var booked = await db.Sessions.Where(s => s.MentorId == mentorId).Select(s => s.StudentId).Distinct().ToListAsync();
        var group = await db.ProgramMembers.Where(m => m.MentorId == mentorId && m.LeftUtc == null).Select(m => m.UserId).ToListAsync();
        var studentIds = booked.Union(group).ToList();
        var people = await PeopleAsync([mentorId, .. studentIds]);
        var told = studentIds.Where(id => !people[id].IsDeleted).ToList();
        foreach (var id in told)
            Enqueue(people[id], emails.SlotsPublished(people[mentorId], people[id]), NotificationTopic.NewSlots);
        await db.SaveChangesAsync();
        return told.Count;
    }

    public static string Explain(SlotRefusal refusal) => refusal switch
    {
        SlotRefusal.EndBeforeStart => "The session must end after it starts.",
        SlotRefusal.WrongLength => "Pick one of the session lengths the mentor offers.",
        SlotRefusal.InPast => "That time has already passed.",
        SlotRefusal.InsideMinimumNotice => "That is too soon: the mentor needs more notice.",
        SlotRefusal.BeyondBookingHorizon => "That is too far ahead: the mentor does not take bookings that far out yet.",
        SlotRefusal.OutsideAvailability => "The mentor is not available at that time.",
        SlotRefusal.Conflicts => SlotTaken,
        _ => "",
    };

    /// <summary>Refuses a time so far from now that it can only be a mistake (and arithmetic on it could overflow).</summary>
    private Result CheckReach(DateTime instantUtc, string field)
    {
        if (instantUtc < Now - FarthestReach) return Result.Fail(field, "That time has already passed: pick one within the coming year.");
        if (instantUtc > Now + FarthestReach) return Result.Fail(field, "That is too far ahead: mentors take bookings at most a year out.");
        return Result.Ok();
    }

    private static Result CheckText(string agenda, string notes)
    {
        var result = Result.Ok();
        if (string.IsNullOrWhiteSpace(agenda)) result.Add("Agenda", "Say what you would like to work on.");
        if (agenda.Length > Session.MaxAgendaLength) result.Add("Agenda", $"Use at most {Session.MaxAgendaLength} characters.");
        if (notes.Length > Session.MaxAgendaLength) result.Add("Notes", $"Use at most {Session.MaxAgendaLength} characters.");
        return result;
    }

    private Task<Guid?> OpenRequestAsync(string studentId, string mentorId, DateTime startUtc) =>
        db.Sessions.Where(s => s.StudentId == studentId && s.MentorId == mentorId && s.StartUtc == startUtc && s.Status == SessionStatus.Requested)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync();

    /// <summary>
    /// What a new session of this mentor must keep clear of, near the window (a day either side covers any buffer):
    /// the mentor's booked sessions with their buffers (<see cref="SlotPolicy.Held"/>) and the student's as they are.
    /// </summary>
    private async Task<List<Interval>> BusyAsync(string mentorId, string? studentId, DateTime fromUtc, DateTime toUtc, SlotPolicy policy, Guid? except = null)
    {
        var (from, to) = (fromUtc.AddDays(-1), toUtc.AddDays(1));
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Accepted && (s.MentorId == mentorId || s.StudentId == studentId)
                && s.StartUtc < to && s.EndUtc > from && s.Id != except)
            .Select(s => new { s.MentorId, s.StartUtc, s.EndUtc })
            .ToListAsync();
        return rows.ConvertAll(r => r.MentorId == mentorId ? policy.Held(new Interval(r.StartUtc, r.EndUtc)) : new Interval(r.StartUtc, r.EndUtc));
    }

    /// <summary>Declines the open requests <paramref name="accepted"/> now excludes: the mentor's that overlap it with buffers, the student's that overlap it.</summary>
    private async Task DeclineOverlappingAsync(Session accepted, SlotPolicy policy)
    {
        var near = policy.Held(accepted.Time);
        var (from, to) = (near.StartUtc - policy.BufferAfter, near.EndUtc + policy.BufferBefore);
        var candidates = await db.Sessions
            .Where(s => s.Status == SessionStatus.Requested && s.Id != accepted.Id
                && (s.MentorId == accepted.MentorId || s.StudentId == accepted.StudentId)
                && s.StartUtc < to && s.EndUtc > from)
            .ToListAsync();
        var overlapping = candidates.Where(s => s.Time.Overlaps(accepted.Time)
            || (s.MentorId == accepted.MentorId && policy.Held(s.Time).Overlaps(near))).ToList();
        if (overlapping.Count == 0) return;
        var people = await PeopleAsync([.. overlapping.SelectMany(s => new[] { s.MentorId, s.StudentId })]);
        foreach (var request in overlapping)
        {
            request.Decline(accepted, Now);
            Enqueue(people[request.StudentId], emails.Answered(request, people[request.MentorId], people[request.StudentId]));
        }
    }

    private async Task<Dictionary<string, AppUser>> PeopleAsync(params string[] ids)
    {
        var distinct = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => distinct.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
    }

    private void Enqueue(AppUser recipient, MailMessage message, NotificationTopic topic = NotificationTopic.SessionUpdates) =>
        db.Outbox.Add(OutboxMessage.Mail(message, Now, topic, recipient.Id));

    private bool IsUrgent(DateTime startUtc) => startUtc - Now < TimeSpan.FromHours(notifications.Value.UrgentChangeHours);

    /// <summary>
    /// A booked session cancelled or moved at short notice is also texted to each party who wants session updates by
    /// SMS and has a verified phone; whoever made the change already knows.
    /// </summary>
    private async Task TextUrgentChangeAsync(Session session, Dictionary<string, AppUser> people, string changedBy, string label,
        Func<Session, AppUser, AppUser, string, SmsMessage> compose)
    {
        var parties = new[] { people[session.MentorId], people[session.StudentId] }.Where(p => p.Id != changedBy && !p.IsDeleted).ToList();
        var choices = await NotificationChoices.ForAsync(db, parties.Select(p => p.Id));
        foreach (var party in parties)
        {
            if (choices[party.Id].SmsTo(party, NotificationTopic.SessionUpdates) is not { } phone) continue;
            db.Outbox.Add(OutboxMessage.Sms(compose(session, party, people[changedBy], phone), label, party.Email, Now, NotificationTopic.SessionUpdates, party.Id));
        }
    }

    /// <summary>
    /// Queues each party's reminders for a booked session, in the same transaction as the booking; on a
    /// reschedule the queued ones move to the new time and any the new time no longer needs are skipped.
    /// </summary>
    private async Task PlanRemindersAsync(Session session, Dictionary<string, AppUser> people)
    {
        var (mentor, student) = (people[session.MentorId], people[session.StudentId]);
        var choices = await NotificationChoices.ForAsync(db, [mentor.Id, student.Id]);
        var queued = await QueuedRemindersAsync(session);
        var moved = new HashSet<OutboxMessage>();
        foreach (var (minutes, due) in SessionReminders.Plan(session.StartUtc, notifications.Value.Reminders, Now))
        {
            foreach (var recipient in new[] { mentor, student }.Where(p => !p.IsDeleted))
            {
                var mail = emails.Reminder(session, mentor, student, recipient);
                var reminder = minutes == notifications.Value.SmsReminderMinutes && choices[recipient.Id].SmsTo(recipient, NotificationTopic.SessionReminders) is { } phone
                    ? OutboxMessage.SmsReminder(SessionEmails.ReminderText(session, mentor, student, recipient, phone), mail.Subject, mail.To, session.Id, minutes, due, Now,
                        NotificationTopic.SessionReminders, recipient.Id)
                    : OutboxMessage.Reminder(mail, session.Id, minutes, due, Now, NotificationTopic.SessionReminders, recipient.Id);
                // A person who verified (or lost) a phone since booking gets the new channel; the old reminder is skipped below.
                var existing = queued.FirstOrDefault(r => r.ReminderMinutes == minutes && r.Email == mail.To && r.Channel == reminder.Channel && !moved.Contains(r));
                if (existing is null) db.Outbox.Add(reminder);
                else
                {
                    existing.Move(reminder);
                    moved.Add(existing);
                }
            }
        }
        foreach (var stale in queued.Where(r => !moved.Contains(r))) stale.Skip(SessionReminders.Moved);
    }

    private async Task<List<OutboxMessage>> QueuedRemindersAsync(Session session) => db.Entry(session).State == EntityState.Added
        ? []
        : await db.Outbox.Where(m => m.SessionId == session.Id && m.Kind == OutboxKind.Reminder && m.Status == DeliveryStatus.Queued).ToListAsync();

    /// <summary>
    /// Saves in one transaction. On PostgreSQL, writers that book time first take advisory locks on
    /// the mentor and the student, in a fixed order: the exclusion constraints still decide, but two
    /// bookings that each wait on the other's constraint check can no longer deadlock.
    /// </summary>
    private async Task<Result> SaveAsync(Session? booking = null)
    {
        try
        {
            // Inside a caller's transaction (deleting an account cancels its sessions), the caller commits.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
            if (booking is not null && db.Database.IsNpgsql())
            {
                foreach (var key in new[] { booking.MentorId, booking.StudentId }.Order(StringComparer.Ordinal))
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))");
            }
            else if (booking is not null && db.Database.IsSqlServer())
            {
                // The same on SQL Server, where its overlap trigger's range locks would otherwise deadlock racing writers.
                foreach (var key in new[] { booking.MentorId, booking.StudentId }.Order(StringComparer.Ordinal))
                    await db.Database.ExecuteSqlAsync($"EXEC sp_getapplock @Resource = {key}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'");
            }
            await db.SaveChangesAsync();
            if (transaction is not null) await transaction.CommitAsync();
            return Result.Ok();
        }
        catch (DbUpdateException ex) when (IsOverlap(ex))
        {
            db.ChangeTracker.Clear();
            return Result.Fail("", SlotTaken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Fail("", Changed);
        }
    }

    public static bool IsOverlap(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ExclusionViolation,
        SqliteException sqlite => sqlite.Message.Contains("booking_overlap", StringComparison.Ordinal),
        Microsoft.Data.SqlClient.SqlException sql => sql.Number == SqlServerAppDbContext.OverlapError,
        _ => false,
    };

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
