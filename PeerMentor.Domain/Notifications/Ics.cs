using System.Globalization;
using System.Text;

namespace PeerMentor.Domain.Notifications;

/// <summary>Someone an invite names: a display name and a mail address.</summary>
public sealed record IcsPerson(string Name, string Email);

/// <summary>
/// One event as a calendar app should store it. <see cref="Uid"/> stays the same for the event's whole life and
/// <see cref="Sequence"/> rises with each change, so a calendar replaces the copy it has; <see cref="StampUtc"/> orders
/// updates that share a sequence.
/// </summary>
public sealed record IcsEvent(string Uid, int Sequence, DateTime StampUtc, DateTime StartUtc, DateTime EndUtc, string Summary,
    string Description, string? MeetingUrl, IcsPerson Organizer, IcsPerson Attendee, string AttendeeParameters, bool Cancelled);

/// <summary>
/// Writes iCalendar (RFC 5545) invitations by hand, for the one kind of file we send: one event, METHOD:REQUEST or
/// METHOD:CANCEL, times in UTC, TEXT values escaped and every line folded at 75 octets.
/// </summary>
public static class Ics
{
    /// <param name="product">Which part of PeerMentor writes it, for PRODID (e.g. "Sessions").</param>
    public static MailAttachment Invite(string product, IcsEvent e)
    {
        var method = e.Cancelled ? "CANCEL" : "REQUEST";
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            $"PRODID:-//PeerMentor//{product}//EN",
            "CALSCALE:GREGORIAN",
            $"METHOD:{method}",
            "BEGIN:VEVENT",
            $"UID:{e.Uid}",
            $"SEQUENCE:{e.Sequence}",
            $"DTSTAMP:{Utc(e.StampUtc)}",
            $"DTSTART:{Utc(e.StartUtc)}",
            $"DTEND:{Utc(e.EndUtc)}",
            $"SUMMARY:{Text(e.Summary)}",
            $"DESCRIPTION:{Text(e.Description)}",
        };
        if (e.MeetingUrl is not null) lines.AddRange([$"LOCATION:{Text(e.MeetingUrl)}", $"URL:{e.MeetingUrl}"]);
        lines.AddRange(
        [
            $"ORGANIZER;CN={Quoted(e.Organizer.Name)}:mailto:{e.Organizer.Email}",
            $"ATTENDEE;CN={Quoted(e.Attendee.Name)};{e.AttendeeParameters}:mailto:{e.Attendee.Email}",
            $"STATUS:{(e.Cancelled ? "CANCELLED" : "CONFIRMED")}",
            "END:VEVENT",
            "END:VCALENDAR",
        ]);
        return MailAttachment.Invite(Write(lines), method);
    }

    /// <summary>Content lines end with CRLF, each folded.</summary>
    public static string Write(IEnumerable<string> lines) => string.Concat(lines.Select(line => Fold(line) + "\r\n"));

    public static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>A quoted parameter value may hold anything but a double quote or a control character.</summary>
    public static string Quoted(string value) => "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    /// <summary>Lines longer than 75 octets continue on lines that start with a space, never splitting a UTF-8 character.</summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder();
        var (octets, limit) = (0, 75);
        foreach (var rune in line.EnumerateRunes())
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
