using System.Globalization;
using System.Text;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// The session as an iCalendar (RFC 5545) event for calendar apps. One UID for the session's whole life and
/// its <see cref="Session.Sequence"/> let a calendar replace the event it already has on a reschedule or cancel.
/// </summary>
public static class SessionInvite
{
    public static MailAttachment For(Session session, AppUser mentor, AppUser student)
    {
        var method = session.Status == SessionStatus.Cancelled ? "CANCEL" : "REQUEST";
        var description = $"Agenda: {session.Agenda}" + (session.MeetingUrl is null ? "" : $"\nJoin: {session.MeetingUrl}");
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//PeerMentor//Sessions//EN",
            "CALSCALE:GREGORIAN",
            $"METHOD:{method}",
            "BEGIN:VEVENT",
            $"UID:{session.Id}@peermentor",
            $"SEQUENCE:{session.Sequence}",
            // The time of the last change: calendars use it to order updates with the same SEQUENCE.
            $"DTSTAMP:{Utc(session.RespondedUtc ?? session.CreatedUtc)}",
            $"DTSTART:{Utc(session.StartUtc)}",
            $"DTEND:{Utc(session.EndUtc)}",
            $"SUMMARY:{Text($"Mentoring session: {mentor.DisplayName} and {student.DisplayName}")}",
            $"DESCRIPTION:{Text(description)}",
        };
        if (session.MeetingUrl is not null) lines.AddRange([$"LOCATION:{Text(session.MeetingUrl)}", $"URL:{session.MeetingUrl}"]);
        lines.AddRange(
        [
            $"ORGANIZER;CN={Name(mentor)}:mailto:{mentor.Email}",
            $"ATTENDEE;CN={Name(student)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:{student.Email}",
            $"STATUS:{(method == "CANCEL" ? "CANCELLED" : "CONFIRMED")}",
            "END:VEVENT",
            "END:VCALENDAR",
        ]);
        return MailAttachment.Invite(string.Concat(lines.Select(line => Fold(line) + "\r\n")), method);
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>A quoted parameter value may hold anything but a double quote or a control character.</summary>
    private static string Name(AppUser person) =>
        "\"" + new string(person.DisplayName.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    /// <summary>Lines longer than 75 octets continue on lines that start with a space, never splitting a UTF-8 character.</summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder();
        var (octets, limit) = (0, 75);
        var runes = line.EnumerateRunes();
        foreach (var rune in runes)
        {
            if (octets + rune.Utf8SequenceLength > limit)
            {
                folded.Append("\r\n ");
                (octets, limit) = (0, 74);
            }
            folded.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }
        return folded.ToString();
    }
}
