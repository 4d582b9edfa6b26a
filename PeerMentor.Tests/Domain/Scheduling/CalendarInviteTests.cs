using System.Text;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

public class CalendarInviteTests
{
    private static readonly DateTime TenBerlin = SchedulingScenario.Monday0900Berlin.AddHours(1);

    private sealed record Booking(SchedulingScenario World, Guid SessionId, string MentorId, string StudentEmail, string MentorEmail);

    /// <summary>A student books the Berlin mentor (automatic acceptance) at 10:00 Berlin; mail goes to the real SMTP sink.</summary>
    private static async Task<Booking> BookAsync()
    {
        var world = await SchedulingScenario.CreateAsync(autoAccept: true, smtp: true);
        var student = (await world.AddStudentsAsync(1))[0];
        var (result, id) = await world.RequestAsync(student, TenBerlin);
        Assert.True(result.Succeeded, result.Summary);
        await world.DispatchAsync();
        return new Booking(world, id!.Value, world.MentorId, await world.EmailOfAsync(student), await world.EmailOfAsync(world.MentorId));
    }

    private static async Task<(ReceivedAttachment File, CalendarEvent Event)> InviteAsync(string to, string subjectPart)
    {
        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(to, m => m.Subject.Contains(subjectPart, StringComparison.Ordinal));
        var file = Assert.Single(mail.Attachments);
        return (file, await CalendarReader.ReadAsync(file.Content!));
    }

    [Fact]
    public async Task A_booked_session_mails_both_parties_an_invite_at_the_sessions_utc_times()
    {
        var booking = await BookAsync();
        await using var world = booking.World;
        var session = await world.LoadAsync(booking.SessionId);

        var (_, student) = await InviteAsync(booking.StudentEmail, "confirmed");
        var (_, mentor) = await InviteAsync(booking.MentorEmail, "booked a session");

        var expected = ("REQUEST", $"{session.Id}@peermentor", session.StartUtc, session.EndUtc, "CONFIRMED");
        Assert.Equal(expected, (student.Method, student.Uid, student.StartUtc, student.EndUtc, student.Status));
        Assert.Equal(expected, (mentor.Method, mentor.Uid, mentor.StartUtc, mentor.EndUtc, mentor.Status));
    }

    [Fact]
    public async Task The_invite_is_an_ics_attachment_whose_content_type_names_its_method()
    {
        var booking = await BookAsync();
        await using var world = booking.World;

        var (file, _) = await InviteAsync(booking.StudentEmail, "confirmed");

        Assert.Equal(("invite.ics", "text/calendar", "REQUEST"), (file.FileName, file.ContentType, file.Method));
    }

    [Fact]
    public async Task The_invite_names_the_mentor_as_organizer_the_student_as_attendee_and_the_meeting_link_as_location()
    {
        var booking = await BookAsync();
        await using var world = booking.World;

        var (_, invite) = await InviteAsync(booking.StudentEmail, "confirmed");

        Assert.Equal(($"mailto:{booking.MentorEmail}", $"mailto:{booking.StudentEmail}", "https://meet.example/room"),
            (invite.Organizer, invite.Attendee, invite.Location));
    }

    [Fact]
    public async Task Rescheduling_keeps_the_invites_uid_and_raises_its_sequence_with_the_new_time()
    {
        var booking = await BookAsync();
        await using var world = booking.World;
        var (_, first) = await InviteAsync(booking.StudentEmail, "confirmed");

        var moved = await world.RunAsync(s => s.RescheduleAsync(booking.MentorId, booking.SessionId, TenBerlin.AddHours(2), "Clash"));
        Assert.True(moved.Succeeded, moved.Summary);
        await world.DispatchAsync();
        var (_, second) = await InviteAsync(booking.StudentEmail, "moved");

        Assert.Equal((first.Uid, first.Sequence + 1, "REQUEST", TenBerlin.AddHours(2)), (second.Uid, second.Sequence, second.Method, second.StartUtc));
    }

    [Fact]
    public async Task Cancelling_sends_both_parties_a_cancel_for_the_same_event()
    {
        var booking = await BookAsync();
        await using var world = booking.World;
        var (_, first) = await InviteAsync(booking.StudentEmail, "confirmed");

        var cancelled = await world.RunAsync(s => s.CancelAsync(booking.MentorId, booking.SessionId, "I am ill"));
        Assert.True(cancelled.Succeeded, cancelled.Summary);
        await world.DispatchAsync();
        var (_, student) = await InviteAsync(booking.StudentEmail, "cancelled");
        var (_, mentor) = await InviteAsync(booking.MentorEmail, "You cancelled");

        Assert.Equal((first.Uid, first.Sequence + 1, "CANCEL", "CANCELLED"), (student.Uid, student.Sequence, student.Method, student.Status));
        Assert.Equal((student.Uid, student.Sequence, "CANCEL"), (mentor.Uid, mentor.Sequence, mentor.Method));
    }

    [Fact]
    public async Task Every_line_ends_with_crlf_and_none_is_longer_than_75_octets()
    {
        var booking = await BookAsync();
        await using var world = booking.World;

        var (file, _) = await InviteAsync(booking.StudentEmail, "confirmed");

        var lines = file.Content!.Split("\r\n");
        Assert.Equal((false, "", true), (file.Content.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n'), lines[^1],
            lines.All(l => Encoding.UTF8.GetByteCount(l) <= 75)));
    }
}
