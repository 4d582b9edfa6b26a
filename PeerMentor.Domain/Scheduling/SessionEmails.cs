using System.Net;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// Session mails. Each states the time in the recipient's own zone, with its UTC offset; those that book, move
/// or cancel a session carry its calendar invite, so both parties' calendars follow every change, and every mail
/// links to the session's page.
/// </summary>
public sealed class SessionEmails(AppLinks links)
{
    public MailMessage Requested(Session session, AppUser mentor, AppUser student) => Compose(mentor, session,
        $"New session request from {student.DisplayName}",
        $"{student.DisplayName} asks for a session on {When(session, mentor)}.",
        $"Agenda: {session.Agenda}");

    public MailMessage Accepted(Session session, AppUser mentor, AppUser student) => Compose(student, session,
        $"Session with {mentor.DisplayName} confirmed",
        $"{mentor.DisplayName} accepted your session on {When(session, student)}.",
        session.MeetingUrl is null ? null : $"Join: {session.MeetingUrl}", SessionInvite.For(session, mentor, student));

    public MailMessage Booked(Session session, AppUser mentor, AppUser student) => Compose(mentor, session,
        $"{student.DisplayName} booked a session",
        $"{student.DisplayName} booked a session with you on {When(session, mentor)}.",
        $"Agenda: {session.Agenda}", SessionInvite.For(session, mentor, student));

    /// <summary>The mentor's own copy of a request they accepted, so the session reaches their calendar too.</summary>
    public MailMessage AcceptedByYou(Session session, AppUser mentor, AppUser student) => Compose(mentor, session,
        $"You accepted {student.DisplayName}'s session",
        $"You accepted the session with {student.DisplayName} on {When(session, mentor)}.",
        $"Agenda: {session.Agenda}", SessionInvite.For(session, mentor, student));

    public MailMessage Reminder(Session session, AppUser mentor, AppUser student, AppUser recipient)
    {
        var other = recipient.Id == mentor.Id ? student : mentor;
        return Compose(recipient, session,
            $"Reminder: session with {other.DisplayName}",
            $"Your session with {other.DisplayName} is on {When(session, recipient)}.",
            session.MeetingUrl is null ? $"Agenda: {session.Agenda}" : $"Join: {session.MeetingUrl}");
    }

    /// <summary>The reminder as a text message: short, the time in the recipient's zone with its offset.</summary>
    public static SmsMessage ReminderText(Session session, AppUser mentor, AppUser student, AppUser recipient, string phone)
    {
        var other = recipient.Id == mentor.Id ? student : mentor;
        return new SmsMessage(phone, $"PeerMentor: your session with {other.DisplayName} starts {When(session, recipient)}."
            + (session.MeetingUrl is null ? "" : $" Join: {session.MeetingUrl}"));
    }

    /// <summary>A short-notice cancellation as a text message, the time in the recipient's zone.</summary>
    public static SmsMessage CancelledText(Session session, AppUser recipient, AppUser by, string phone) =>
        new(phone, $"PeerMentor: {by.DisplayName} cancelled your session on {When(session, recipient)}. Reason: {session.StatusReason}");

    /// <summary>A short-notice move as a text message, naming the new time in the recipient's zone.</summary>
    public static SmsMessage MovedText(Session session, AppUser recipient, AppUser by, string phone) =>
        new(phone, $"PeerMentor: {by.DisplayName} moved your session to {When(session, recipient)}."
            + (session.MeetingUrl is null ? "" : $" Join: {session.MeetingUrl}"));

    public MailMessage Answered(Session session, AppUser mentor, AppUser student) => Compose(student, session,
        $"Your session request to {mentor.DisplayName} was {session.Describe()}",
        $"Your request for {When(session, student)} was {session.Describe()}.",
        session.StatusReason is null ? null : $"Reason: {session.StatusReason}");

    /// <summary><paramref name="invite"/> is null when no invite was ever sent (a request withdrawn before it was accepted).</summary>
    public MailMessage Cancelled(Session session, AppUser recipient, AppUser by, MailAttachment? invite) => Compose(recipient, session,
        recipient.Id == by.Id ? "You cancelled a session" : $"Session cancelled by {by.DisplayName}",
        $"{(recipient.Id == by.Id ? "You" : by.DisplayName)} cancelled the session on {When(session, recipient)}.",
        $"Reason: {session.StatusReason}", invite);

    public MailMessage Rescheduled(Session session, AppUser recipient, AppUser by, MailAttachment invite) => Compose(recipient, session,
        recipient.Id == by.Id ? "You moved a session" : $"Session moved by {by.DisplayName}",
        $"{(recipient.Id == by.Id ? "You" : by.DisplayName)} moved your session to {When(session, recipient)}.",
        string.IsNullOrEmpty(session.StatusReason) ? null : $"Reason: {session.StatusReason}", invite);

    public MailMessage SlotsPublished(AppUser mentor, AppUser student)
    {
        var link = links.Mentor(mentor.Id);
        return new(student.Email!,
            $"{mentor.DisplayName} opened new session slots",
            $"Hi {student.DisplayName}, {mentor.DisplayName} has published next week's slots. Book one: {link}\n\n— PeerMentor",
            $"<p>Hi {Encode(student.DisplayName)}, {Encode(mentor.DisplayName)} has published next week's slots. <a href=\"{Encode(link)}\">Book one</a>.</p><p>— PeerMentor</p>");
    }

    private static string When(Session session, AppUser recipient) =>
        LocalTimes.Describe(session.StartUtc, session.EndUtc, recipient.TimeZoneId);

    private MailMessage Compose(AppUser recipient, Session session, string subject, string lead, string? detail, MailAttachment? invite = null)
    {
        var link = links.Session(session.Id);
        var text = $"Hi {recipient.DisplayName},\n\n{lead}\n" + (detail is null ? "" : detail + "\n")
            + $"\nOpen the session: {link}\nTimes are in your zone, {recipient.TimeZoneId}.\n\n— PeerMentor";
        var html = $"<p>Hi {Encode(recipient.DisplayName)},</p><p>{Encode(lead)}</p>"
            + (detail is null ? "" : $"<p>{Encode(detail)}</p>")
            + $"<p><a href=\"{Encode(link)}\">Open the session</a></p><p>Times are in your zone, {Encode(recipient.TimeZoneId)}.</p><p>— PeerMentor</p>";
        return new MailMessage(recipient.Email!, subject, text, html, invite is null ? null : [invite]);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
