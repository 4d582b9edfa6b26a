using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Programs;

/// <summary>
/// A program event as an iCalendar invite for one person of its audience: one UID for the event's whole life and its
/// <see cref="ProgramEvent.Sequence"/>, so calendar apps add it, move it and strike it as the event changes.
/// </summary>
public static class EventInvite
{
    /// <param name="cancel">
    /// A CANCEL for this person: the event was called off, or it no longer is for them (it moved to another group).
    /// </param>
    /// <param name="organizer">The program's no-reply address; nobody answers an invite for a whole program.</param>
    public static MailAttachment For(MentoringProgram program, ProgramEvent programEvent, AppUser attendee, bool cancel,
        string organizer, AppLinks links, DateTime nowUtc)
    {
        var description = string.Join("\n", new[]
        {
            programEvent.Description,
            programEvent.MeetingUrl is null ? "" : $"Join: {programEvent.MeetingUrl}",
            $"Event page: {links.To($"events/{programEvent.Id}")}",
        }.Where(part => part.Length > 0));
        return Ics.Invite("Events", new IcsEvent($"{programEvent.Id}@peermentor", programEvent.Sequence, nowUtc,
            programEvent.StartUtc, programEvent.EndUtc, programEvent.Title, description, programEvent.MeetingUrl,
            new IcsPerson(program.Name, organizer), new IcsPerson(attendee.DisplayName, attendee.Email!),
            // Replies would go to the no-reply organizer, so calendar apps are told not to send any.
            "NEEDS-ACTION", AskForReply: false, cancel));
    }
}
