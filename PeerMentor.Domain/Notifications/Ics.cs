using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace PeerMentor.Domain.Notifications;

/// <summary>Someone an invite names: a display name and a mail address.</summary>
public sealed record IcsPerson(string Name, string Email);

/// <summary>
/// One event as a calendar app should store it. <see cref="Uid"/> stays the same for the event's whole life and
/// <see cref="Sequence"/> rises with each change, so a calendar replaces the copy it has; <see cref="StampUtc"/> orders
/// updates that share a sequence. <see cref="AttendeeStatus"/> is the attendee's PARTSTAT (ACCEPTED, NEEDS-ACTION);
/// <see cref="AskForReply"/> false tells calendar apps not to send one (RSVP=FALSE).
/// </summary>
public sealed record IcsEvent(string Uid, int Sequence, DateTime StampUtc, DateTime StartUtc, DateTime EndUtc, string Summary,
    string Description, string? MeetingUrl, IcsPerson Organizer, IcsPerson Attendee, string AttendeeStatus, bool? AskForReply, bool Cancelled);

/// <summary>
/// Writes the one kind of iCalendar (RFC 5545) file we send with Ical.Net: one event, METHOD:REQUEST or METHOD:CANCEL,
/// times in UTC. The library escapes TEXT values, quotes parameters and folds lines at 75 octets.
/// </summary>
public static class Ics
{
    /// <param name="product">Which part of PeerMentor writes it, for PRODID (e.g. "Sessions").</param>
    public static MailAttachment Invite(string product, IcsEvent e)
    {
        var method = e.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Request;
        var calendarEvent = new CalendarEvent
        {
            Uid = e.Uid,
            Sequence = e.Sequence,
            DtStamp = Utc(e.StampUtc),
            DtStart = Utc(e.StartUtc),
            DtEnd = Utc(e.EndUtc),
            Summary = e.Summary,
            Description = e.Description,
            Organizer = new Organizer($"mailto:{e.Organizer.Email}") { CommonName = ParameterSafe(e.Organizer.Name) },
            Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (e.MeetingUrl is not null)
        {
            calendarEvent.Location = e.MeetingUrl;
            if (Uri.TryCreate(e.MeetingUrl, UriKind.Absolute, out var url)) calendarEvent.Url = url;
        }
        var attendee = new Attendee($"mailto:{e.Attendee.Email}")
        {
            CommonName = ParameterSafe(e.Attendee.Name),
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = e.AttendeeStatus,
        };
        if (e.AskForReply is { } rsvp) attendee.Rsvp = rsvp;
        calendarEvent.Attendees.Add(attendee);

        var calendar = new Calendar { ProductId = $"-//PeerMentor//{product}//EN", Method = method };
        calendar.Events.Add(calendarEvent);
        return MailAttachment.Invite(new CalendarSerializer().SerializeToString(calendar)!, method);
    }

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>A quoted parameter value (a CN) may hold anything but a double quote or a control character.</summary>
    public static string ParameterSafe(string value) => new(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
}
