using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// The session as an iCalendar (RFC 5545) event for calendar apps. One UID for the session's whole life and
/// its <see cref="Session.Sequence"/> let a calendar replace the event it already has on a reschedule or cancel.
/// </summary>
public static class SessionInvite
{
    public static MailAttachment For(Session session, AppUser mentor, AppUser student) => Ics.Invite("Sessions", new IcsEvent(
        $"{session.Id}@peermentor", session.Sequence,
        // The time of the last change: calendars use it to order updates with the same SEQUENCE.
        session.RespondedUtc ?? session.CreatedUtc,
        session.StartUtc, session.EndUtc,
        $"Mentoring session: {mentor.DisplayName} and {student.DisplayName}",
        $"Agenda: {session.Agenda}" + (session.MeetingUrl is null ? "" : $"\nJoin: {session.MeetingUrl}"),
        session.MeetingUrl,
        new IcsPerson(mentor.DisplayName, mentor.Email!), new IcsPerson(student.DisplayName, student.Email!),
        "ACCEPTED", AskForReply: null, session.Status == SessionStatus.Cancelled));
}
