using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

/// <summary>Masterclass mails carry an invite, read back from the real SMTP sink with python3-icalendar as a calendar app would.</summary>
public class EventInviteTests
{
    /// <summary>Tuesday 24 Nov 2026, 08:00 UTC.</summary>
    private static readonly DateTime Start = SchedulingScenario.Monday0900Berlin.AddDays(1);

    private const string Title = "System design masterclass";

    private sealed record World(SchedulingScenario Scenario, string ProgramName, Guid EventId, string MyStudentEmail, string OtherStudentEmail) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scenario.DisposeAsync();

        public async Task ChangeAsync(Func<ProgramEventService, Task<PeerMentor.Domain.Result>> change)
        {
            var result = await Scenario.App.RunAsync(s => change(s.GetRequiredService<ProgramEventService>()));
            Assert.True(result.Succeeded, result.Summary);
            await Scenario.DispatchAsync();
        }

        public Task<ProgramEvent> LoadAsync() =>
            Scenario.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<ProgramEvent>().AsNoTracking().SingleAsync(e => e.Id == EventId));

        /// <summary>The invite on the mail to this address whose subject starts with the program's tag and then this text.</summary>
        public async Task<(ReceivedMail Mail, CalendarEvent Invite)> InviteAsync(string to, string subjectAfterTag)
        {
            var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(to,
                m => m.Subject.StartsWith($"[{ProgramName}] {subjectAfterTag}", StringComparison.Ordinal));
            var file = Assert.Single(mail.Attachments);
            return (mail, await CalendarReader.ReadAsync(file.Content!));
        }
    }

    /// <summary>Two mentors with one student each; the first mentor has created a masterclass for the whole program, and its mails went out.</summary>
    private static async Task<World> CreateAsync()
    {
        var scenario = await SchedulingScenario.CreateAsync(smtp: true);
        var other = await scenario.AddMentorAsync();
        var students = await scenario.AddStudentsAsync(2);
        var programName = $"Invite cohort {Guid.NewGuid():N}"[..20];
        var programId = await scenario.AddProgramAsync(programName, scenario.MentorId, other, students[0], students[1]);
        var mine = await scenario.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers
            .Where(m => m.ProgramId == programId && m.MentorId == scenario.MentorId).Select(m => m.UserId).SingleAsync());
        var (result, eventId) = await scenario.App.RunAsync(s => s.GetRequiredService<ProgramEventService>().CreateAsync(scenario.MentorId, false, programId, Input()));
        Assert.True(result.Succeeded, result.Summary);
        await scenario.DispatchAsync();
        return new World(scenario, programName, eventId!.Value, await scenario.EmailOfAsync(mine), await scenario.EmailOfAsync(students.Single(s => s != mine)));
    }

    private static EventInput Input(DateTime? start = null, string? group = null) =>
        new(Title, "Bring a diagram; we draw together.", start ?? Start, 90, "https://meet.example/design", group);

    [Fact]
    public async Task A_student_gets_an_invite_for_a_new_masterclass_at_its_utc_times()
    {
        await using var world = await CreateAsync();
        var stored = await world.LoadAsync();

        var (_, invite) = await world.InviteAsync(world.MyStudentEmail, Title);

        Assert.Equal(("REQUEST", $"{world.EventId}@peermentor", stored.StartUtc, stored.EndUtc, Title, "CONFIRMED"),
            (invite.Method, invite.Uid, invite.StartUtc, invite.EndUtc, invite.Summary, invite.Status));
    }

    [Fact]
    public async Task The_invite_is_organized_by_the_no_reply_address_the_mail_comes_from_with_the_student_as_attendee()
    {
        await using var world = await CreateAsync();

        var (mail, invite) = await world.InviteAsync(world.MyStudentEmail, Title);

        var sender = new System.Net.Mail.MailAddress(mail.From).Address;
        Assert.Equal(($"mailto:{sender}", $"mailto:{world.MyStudentEmail}"), (invite.Organizer, invite.Attendee));
    }

    [Fact]
    public async Task The_invite_links_the_meeting_as_its_location_and_the_event_page_in_its_description()
    {
        await using var world = await CreateAsync();

        var (_, invite) = await world.InviteAsync(world.MyStudentEmail, Title);
        var page = world.Scenario.App.Services.GetRequiredService<AppLinks>().To($"events/{world.EventId}");

        Assert.Equal(("https://meet.example/design", $"Bring a diagram; we draw together.\nJoin: https://meet.example/design\nEvent page: {page}"),
            (invite.Location, invite.Description));
    }

    [Fact]
    public async Task Moving_the_masterclass_sends_the_same_uid_with_a_higher_sequence_and_the_new_utc_times()
    {
        await using var world = await CreateAsync();
        var (_, first) = await world.InviteAsync(world.MyStudentEmail, Title);

        await world.ChangeAsync(s => s.EditAsync(world.Scenario.MentorId, false, world.EventId, Input(Start.AddHours(2))));
        var (_, moved) = await world.InviteAsync(world.MyStudentEmail, "Changed:");

        Assert.Equal((first.Uid, first.Sequence + 1, "REQUEST", Start.AddHours(2), Start.AddHours(3.5)),
            (moved.Uid, moved.Sequence, moved.Method, moved.StartUtc, moved.EndUtc));
    }

    [Fact]
    public async Task Cancelling_the_masterclass_sends_a_cancel_for_the_same_uid()
    {
        await using var world = await CreateAsync();
        var (_, first) = await world.InviteAsync(world.MyStudentEmail, Title);

        await world.ChangeAsync(s => s.CancelAsync(world.Scenario.MentorId, false, world.EventId, "The speaker is ill"));
        var (_, cancelled) = await world.InviteAsync(world.MyStudentEmail, "Cancelled:");

        Assert.Equal((first.Uid, first.Sequence + 1, "CANCEL", "CANCELLED"), (cancelled.Uid, cancelled.Sequence, cancelled.Method, cancelled.Status));
    }

    [Fact]
    public async Task A_student_outside_the_group_the_masterclass_moves_to_gets_a_cancel_and_the_group_an_update()
    {
        await using var world = await CreateAsync();
        var (_, first) = await world.InviteAsync(world.OtherStudentEmail, Title);

        await world.ChangeAsync(s => s.EditAsync(world.Scenario.MentorId, false, world.EventId, Input(group: world.Scenario.MentorId)));
        var (_, dropped) = await world.InviteAsync(world.OtherStudentEmail, "Cancelled:");
        var (_, kept) = await world.InviteAsync(world.MyStudentEmail, "Changed:");

        Assert.Equal((first.Uid, first.Sequence + 1, "CANCEL"), (dropped.Uid, dropped.Sequence, dropped.Method));
        Assert.Equal((first.Uid, first.Sequence + 1, "REQUEST"), (kept.Uid, kept.Sequence, kept.Method));
    }
}
