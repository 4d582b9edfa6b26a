using System.Globalization;
using System.Net;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Programs;

/// <summary>
/// Mails about events, their resources and assignments; every time is in the recipient's own zone. Those that add, change
/// or call off an event carry its calendar invite.
/// </summary>
public static class EventEmails
{
    public static MailMessage Created(MentoringProgram program, ProgramEvent created, AppUser student, AppLinks links, MailAttachment invite)
    {
        var when = LocalTimes.Describe(created.StartUtc, created.EndUtc, student.TimeZoneId);
        var page = links.To($"events/{created.Id}");
        return new MailMessage(student.Email!, $"[{program.Name}] {created.Title}, {when}",
            $"Hi {student.DisplayName},\n\n{created.Title} on {when} (your time).\n{created.Description}\n" +
            (created.MeetingUrl is null ? "" : $"Join: {created.MeetingUrl}\n") + $"\nIt is on your PeerMentor calendar: {page}\n\n— PeerMentor",
            $"<p>Hi {WebUtility.HtmlEncode(student.DisplayName)},</p><p><strong>{WebUtility.HtmlEncode(created.Title)}</strong> on {WebUtility.HtmlEncode(when)} (your time).</p>" +
            $"<p>{WebUtility.HtmlEncode(created.Description)}</p><p>It is on your <a href=\"{WebUtility.HtmlEncode(page)}\">PeerMentor calendar</a>.</p>",
            [invite]);
    }

    public static MailMessage Changed(MentoringProgram program, ProgramEvent changed, AppUser student, (DateTime StartUtc, DateTime EndUtc)? before,
        AppLinks links, MailAttachment invite)
    {
        var when = LocalTimes.Describe(changed.StartUtc, changed.EndUtc, student.TimeZoneId);
        var lead = before is { } old
            ? $"{changed.Title} has moved from {LocalTimes.Describe(old.StartUtc, old.EndUtc, student.TimeZoneId)} to {when} (your time)."
            : $"{changed.Title} has changed. It is on {when} (your time).";
        var details = changed.Description + (changed.MeetingUrl is null ? "" : $"\nJoin: {changed.MeetingUrl}")
            + $"\nEvent page: {links.To($"events/{changed.Id}")}";
        return Compose(student, $"[{program.Name}] Changed: {changed.Title}, {when}", lead, details, invite);
    }

    /// <summary>The event is off for this student: called off, or moved to another group (the <paramref name="invite"/> is a CANCEL).</summary>
    public static MailMessage Cancelled(MentoringProgram program, ProgramEvent cancelled, AppUser student, string? reason, MailAttachment invite)
    {
        var when = LocalTimes.Describe(cancelled.StartUtc, cancelled.EndUtc, student.TimeZoneId);
        return Compose(student, $"[{program.Name}] Cancelled: {cancelled.Title}, {when}",
            $"{cancelled.Title} on {when} (your time) is cancelled.", reason is null ? "" : $"Reason: {reason}", invite);
    }

    public static MailMessage NewResource(MentoringProgram program, ProgramEvent programEvent, EventResource resource, AppUser student, AppLinks links)
    {
        var what = resource.Kind == EventResourceKind.Recording ? "recording" : "link";
        return Compose(student, $"[{program.Name}] New {what} for {programEvent.Title}",
            $"A new {what} was added to {programEvent.Title}: {resource.Title}.", $"See it on the event page: {links.To($"events/{programEvent.Id}")}");
    }

    public static MailMessage AssignmentPosted(MentoringProgram program, Assignment assignment, AppUser student, AppLinks links) =>
        Compose(student, $"[{program.Name}] New assignment: {assignment.Title}, due {Due(assignment.DueUtc, student.TimeZoneId)}",
            $"{assignment.Title} is due {Due(assignment.DueUtc, student.TimeZoneId)} (your time).",
            $"{assignment.Instructions}\nHand it in here: {links.To("assignments")}");

    public static MailMessage AssignmentChanged(MentoringProgram program, Assignment assignment, AppUser student, AppLinks links) =>
        Compose(student, $"[{program.Name}] Assignment changed: {assignment.Title}, due {Due(assignment.DueUtc, student.TimeZoneId)}",
            $"{assignment.Title} has changed. It is due {Due(assignment.DueUtc, student.TimeZoneId)} (your time).",
            $"{assignment.Instructions}\nHand it in here: {links.To("assignments")}");

    public static MailMessage Graded(Assignment assignment, Submission submission, AppUser student, AppLinks links) =>
        Compose(student, $"Your work on {assignment.Title} was reviewed: {submission.Grade} / 100",
            $"Your mentor reviewed your work on {assignment.Title}: {submission.Grade} / 100.",
            $"{submission.ReviewComments}\nSee the review: {links.To("assignments")}");

    public static string Due(DateTime dueUtc, string timeZoneId) =>
        $"{LocalTimes.ToLocal(dueUtc, timeZoneId).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({LocalTimes.Offset(dueUtc, timeZoneId)})";

    private static MailMessage Compose(AppUser recipient, string subject, string lead, string details, MailAttachment? invite = null) => new(recipient.Email!, subject,
        $"Hi {recipient.DisplayName},\n\n{lead}\n{details}\n\n— PeerMentor",
        $"<p>Hi {WebUtility.HtmlEncode(recipient.DisplayName)},</p><p>{WebUtility.HtmlEncode(lead)}</p>" +
        $"<p class=\"pre\" style=\"white-space: pre-line\">{WebUtility.HtmlEncode(details)}</p><p>— PeerMentor</p>",
        invite is null ? null : [invite]);
}
