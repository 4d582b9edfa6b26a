using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

public class SessionLifecycleTests
{
    private static readonly DateTime TenBerlin = SchedulingScenario.Monday0900Berlin.AddHours(1);

    [Fact]
    public async Task A_request_waits_for_the_mentor_and_accepting_books_it_with_the_meeting_link()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var (requested, id) = await world.RequestAsync(student, TenBerlin);
        Assert.Equal(SessionStatus.Requested, (await world.LoadAsync(id!.Value)).Status);

        var accepted = await world.RunAsync(s => s.AcceptAsync(world.MentorId, id.Value));

        Assert.True(requested.Succeeded && accepted.Succeeded, requested.Summary + accepted.Summary);
        var session = await world.LoadAsync(id.Value);
        Assert.Equal((SessionStatus.Accepted, "https://meet.example/room"), (session.Status, session.MeetingUrl));
    }

    [Fact]
    public async Task Submitting_the_same_request_twice_creates_one_request()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];

        var first = await world.RequestAsync(student, TenBerlin);
        var second = await world.RequestAsync(student, TenBerlin);

        Assert.Equal(first.SessionId, second.SessionId);
    }

    [Theory]
    [InlineData(10, "not available")]
    [InlineData(24 * 70, "too far ahead")]
    public async Task A_request_outside_what_the_mentor_offers_is_refused_and_nothing_is_written(int hoursFromTen, string why)
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];

        var (result, id) = await world.RequestAsync(student, TenBerlin.AddHours(hoursFromTen));

        Assert.Contains(why, result.Summary);
        Assert.Null(id);
    }

    [Fact]
    public async Task A_request_for_a_time_that_has_passed_is_refused()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        world.Clock.Advance(TimeSpan.FromHours(6));

        var (result, id) = await world.RequestAsync(student, TenBerlin);

        Assert.Contains("already passed", result.Summary);
        Assert.Null(id);
    }

    [Fact]
    public async Task A_request_for_an_unknown_mentor_is_refused()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];

        var (result, _) = await world.RequestAsync(student, TenBerlin, mentorId: "no-such-mentor");

        Assert.True(result.NotFound);
    }

    [Fact]
    public async Task Accepting_one_request_declines_the_other_open_requests_for_that_time_with_a_reason()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var students = await world.AddStudentsAsync(3);
        var ids = new List<Guid>();
        foreach (var student in students) ids.Add((await world.RequestAsync(student, TenBerlin)).SessionId!.Value);
        var later = (await world.RequestAsync(students[0], TenBerlin.AddHours(1))).SessionId!.Value;

        await world.RunAsync(s => s.AcceptAsync(world.MentorId, ids[1]));

        var declined = await world.LoadAsync(ids[0]);
        Assert.Equal((SessionStatus.Declined, "The mentor accepted another request for this time."), (declined.Status, declined.StatusReason));
        Assert.Equal(SessionStatus.Declined, (await world.LoadAsync(ids[2])).Status);
        Assert.Equal(SessionStatus.Requested, (await world.LoadAsync(later)).Status);
    }

    [Fact]
    public async Task A_students_overlapping_request_to_another_mentor_is_declined_when_one_is_accepted()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var otherMentor = await world.AddMentorAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var withBerlin = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;
        // 10:00 Berlin is 04:00 in New York: outside that mentor's hours, so ask for 09:00 New York = 15:00 Berlin instead
        // and a Berlin request overlapping it.
        var nineNewYork = new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);
        var withNewYork = (await world.RequestAsync(student, nineNewYork, otherMentor)).SessionId!.Value;
        var withBerlinLater = (await world.RequestAsync(student, nineNewYork)).SessionId!.Value;

        await world.RunAsync(s => s.AcceptAsync(otherMentor, withNewYork));

        var declined = await world.LoadAsync(withBerlinLater);
        Assert.Equal((SessionStatus.Declined, "You have another session at this time."), (declined.Status, declined.StatusReason));
        Assert.Equal(SessionStatus.Requested, (await world.LoadAsync(withBerlin)).Status);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_the_student_can_read()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;

        var withoutReason = await world.RunAsync(s => s.RejectAsync(world.MentorId, id, " "));
        await world.RunAsync(s => s.RejectAsync(world.MentorId, id, "Please book a 60-minute slot next week."));

        Assert.NotEmpty(withoutReason.For("Reason"));
        var session = await world.LoadAsync(id);
        Assert.Equal((SessionStatus.Rejected, "Please book a 60-minute slot next week."), (session.Status, session.StatusReason));
    }

    [Fact]
    public async Task A_request_can_be_edited_while_pending_but_not_after_it_was_accepted()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;

        var whilePending = await world.RunAsync(s => s.EditRequestAsync(student, id, TenBerlin.AddHours(2), 60, "Mock interview", ""));
        await world.RunAsync(s => s.AcceptAsync(world.MentorId, id));
        var afterAccept = await world.RunAsync(s => s.EditRequestAsync(student, id, TenBerlin, 60, "Something else", ""));

        Assert.True(whilePending.Succeeded, whilePending.Summary);
        Assert.Contains("can no longer be edited", afterAccept.Summary);
        var session = await world.LoadAsync(id);
        Assert.Equal((TenBerlin.AddHours(2), "Mock interview"), (session.StartUtc, session.Agenda));
    }

    [Fact]
    public async Task Another_student_can_neither_see_nor_cancel_or_accept_a_request_that_is_not_theirs()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var students = await world.AddStudentsAsync(2);
        var id = (await world.RequestAsync(students[0], TenBerlin)).SessionId!.Value;

        var cancel = await world.RunAsync(s => s.CancelAsync(students[1], id, "mine now"));
        var accept = await world.RunAsync(s => s.AcceptAsync(students[0], id));

        Assert.True(cancel.NotFound);
        Assert.True(accept.NotFound);
        Assert.Equal(SessionStatus.Requested, (await world.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Unanswered_requests_expire_after_48_hours_and_the_student_can_see_why()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin.AddDays(7))).SessionId!.Value;

        world.Clock.Advance(TimeSpan.FromHours(47));
        var before = await world.RunAsync(s => s.ExpireDueAsync());
        world.Clock.Advance(TimeSpan.FromHours(2));
        var after = await world.RunAsync(s => s.ExpireDueAsync());

        Assert.Equal((0, 1), (before, after));
        var session = await world.LoadAsync(id);
        Assert.Equal((SessionStatus.Expired, "The mentor did not answer in time."), (session.Status, session.StatusReason));
    }

    [Fact]
    public async Task A_request_expires_at_its_start_when_that_comes_before_the_48_hours()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;

        world.Clock.Advance(TenBerlin - world.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(1, await world.RunAsync(s => s.ExpireDueAsync()));
        Assert.Equal(SessionStatus.Expired, (await world.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Cancelling_a_booked_session_is_refused_within_two_hours_of_its_start()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;

        world.Clock.Advance(TenBerlin.AddHours(-2).AddMinutes(1) - world.Clock.GetUtcNow().UtcDateTime);
        var tooLate = await world.RunAsync(s => s.CancelAsync(student, id, "Something came up"));

        Assert.Contains("close 2 hours before the start", tooLate.Summary);
        Assert.Equal(SessionStatus.Accepted, (await world.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task An_admin_can_cancel_inside_the_cutoff_with_a_reason()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;
        world.Clock.Advance(TenBerlin.AddMinutes(-30) - world.Clock.GetUtcNow().UtcDateTime);

        var admin = await world.App.CreateAsync(PeerMentor.Domain.Accounts.Roles.Admin);
        var cancelled = await world.RunAsync(s => s.CancelAsync(admin.Id, id, "Mentor is ill", asAdmin: true));

        Assert.True(cancelled.Succeeded, cancelled.Summary);
        Assert.Equal(("Mentor is ill", SessionStatus.Cancelled), ((await world.LoadAsync(id)).StatusReason, (await world.LoadAsync(id)).Status));
    }

    [Fact]
    public async Task Rescheduling_moves_the_same_session_and_raises_its_sequence()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;

        var moved = await world.RunAsync(s => s.RescheduleAsync(student, id, TenBerlin.AddDays(1), "Exam moved"));

        Assert.True(moved.Succeeded, moved.Summary);
        var session = await world.LoadAsync(id);
        Assert.Equal((TenBerlin.AddDays(1), TenBerlin.AddDays(1).AddHours(1), 1, SessionStatus.Accepted),
            (session.StartUtc, session.EndUtc, session.Sequence, session.Status));
    }

    [Fact]
    public async Task Rescheduling_onto_another_booked_session_is_refused()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var students = await world.AddStudentsAsync(2);
        var first = (await world.RequestAsync(students[0], TenBerlin)).SessionId!.Value;
        await world.RequestAsync(students[1], TenBerlin.AddHours(1));

        var moved = await world.RunAsync(s => s.RescheduleAsync(world.MentorId, first, TenBerlin.AddMinutes(30), ""));

        Assert.Contains("just taken", moved.Summary);
        Assert.Equal(TenBerlin, (await world.LoadAsync(first)).StartUtc);
    }

    [Fact]
    public async Task Back_to_back_sessions_do_not_conflict()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var students = await world.AddStudentsAsync(2);

        var first = await world.RequestAsync(students[0], TenBerlin);
        var second = await world.RequestAsync(students[1], TenBerlin.AddHours(1));

        Assert.True(first.Result.Succeeded && second.Result.Succeeded, first.Result.Summary + second.Result.Summary);
    }

    [Fact]
    public async Task Editing_only_the_agenda_works_even_when_its_time_could_no_longer_be_booked()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;
        world.Clock.Advance(TimeSpan.FromHours(3));

        var edited = await world.RunAsync(s => s.EditRequestAsync(student, id, TenBerlin, 60, "A sharper agenda", "with notes"));

        Assert.True(edited.Succeeded, edited.Summary);
        Assert.Equal("A sharper agenda", (await world.LoadAsync(id)).Agenda);
    }

    [Fact]
    public async Task Two_instances_expiring_the_same_requests_at_once_expire_and_mail_each_only_once()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var students = await world.AddStudentsAsync(5);
        foreach (var student in students) await world.RequestAsync(student, TenBerlin.AddDays(7));
        world.Clock.Advance(TimeSpan.FromHours(49));

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => world.RunAsync(s => s.ExpireDueAsync()))));

        Assert.Equal(5, counts.Sum());
        var expiryMails = await world.App.RunAsync(s => s.GetRequiredService<PeerMentor.Domain.Data.AppDbContext>().Outbox
            .CountAsync(m => m.Subject.Contains("was expired")));
        Assert.Equal(5, expiryMails);
    }
}
