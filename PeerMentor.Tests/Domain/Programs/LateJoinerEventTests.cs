using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

/// <summary>Joining late still brings every upcoming masterclass: its mail, its invite and its reminder.</summary>
public class LateJoinerEventTests
{
    private static readonly DateTime Start = SchedulingScenario.Monday0900Berlin.AddDays(2);

    [Fact]
    public async Task A_student_who_joins_after_masterclasses_were_announced_gets_each_upcoming_one_once()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var students = await world.AddStudentsAsync(3);
        var (early, late, afterwards) = (students[0], students[1], students[2]);
        var programId = await world.App.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var id = (await programs.CreateAsync(new ProgramInput("Late cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value;
            await programs.AddMemberAsync(id, world.MentorId);
            await programs.AddMemberAsync(id, early);
            return id;
        });
        Task<Guid> EventAsync(string title, DateTime start, string? group) => world.App.RunAsync(async s =>
            (await s.GetRequiredService<ProgramEventService>().CreateAsync(world.MentorId, false, programId,
                new EventInput(title, "", start, 60, null, group))).Id!.Value);
        var forAll = await EventAsync("Masterclass for all", Start, null);
        var forGroup = await EventAsync("Group clinic", Start.AddDays(1), world.MentorId);

        await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().AddMemberAsync(programId, late));
        var afterJoining = await world.OutboxAsync();
        await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().AssignAsync(programId));
        var afterAssigning = await world.OutboxAsync();

        // Joining brings the whole program's masterclass; being placed in the mentor's group brings the group's clinic.
        Assert.Equal(["[Late cohort] Masterclass for all"], CreatedMails(afterJoining, late));
        Assert.Equal(["[Late cohort] Group clinic", "[Late cohort] Masterclass for all"], CreatedMails(afterAssigning, late).Order());
        Assert.All(afterAssigning.Where(m => m.UserId == late && m.Subject.StartsWith("[Late cohort] ", StringComparison.Ordinal) && m.Kind == OutboxKind.Notice),
            m => Assert.Equal("REQUEST", m.CalendarMethod));
        Assert.Equal(new[] { forAll, forGroup }.Order(), afterAssigning.Where(m => m.UserId == late && m.Kind == OutboxKind.Reminder).Select(m => m.EventId!.Value).Order());
        // The student who was there all along already had the masterclass and is not sent it again.
        Assert.Equal(["[Late cohort] Group clinic", "[Late cohort] Masterclass for all"], CreatedMails(afterAssigning, early).Order());

        // Events that are over are not news to someone joining after them.
        world.Clock.Advance(TimeSpan.FromDays(5));
        await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().AddMemberAsync(programId, afterwards));
        await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().AssignAsync(programId));
        Assert.Empty(CreatedMails(await world.OutboxAsync(), afterwards));
    }

    private static List<string> CreatedMails(IEnumerable<OutboxMessage> outbox, string userId) =>
        outbox.Where(m => m.UserId == userId && m.Kind == OutboxKind.Notice && m.CalendarMethod == "REQUEST")
            .Select(m => m.Subject[..m.Subject.IndexOf(',', StringComparison.Ordinal)]).ToList();

    [Fact]
    public async Task When_their_mentor_leaves_students_are_no_longer_reminded_of_that_groups_events_but_still_of_the_programs()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var otherMentor = await world.AddMentorAsync();
        var programId = await world.App.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var id = (await programs.CreateAsync(new ProgramInput("Moving cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value;
            await programs.AddMemberAsync(id, world.MentorId);
            await programs.AddMemberAsync(id, student);
            await programs.AssignAsync(id);
            await programs.AddMemberAsync(id, otherMentor);
            return id;
        });
        Task<Guid> EventAsync(string title, string? group) => world.App.RunAsync(async s =>
            (await s.GetRequiredService<ProgramEventService>().CreateAsync(world.MentorId, false, programId,
                new EventInput(title, "", Start, 60, null, group))).Id!.Value);
        var forAll = await EventAsync("Masterclass for all", null);
        var forGroup = await EventAsync("Group clinic", world.MentorId);

        var (removed, _) = await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().RemoveMentorAsync(programId, world.MentorId));

        Assert.True(removed.Succeeded, removed.Summary);
        var reminders = (await world.OutboxAsync()).Where(m => m.UserId == student && m.Kind == OutboxKind.Reminder).ToDictionary(m => m.EventId!.Value);
        Assert.Equal((DeliveryStatus.Skipped, ProgramEventService.NoLongerInAudience), (reminders[forGroup].Status, reminders[forGroup].SkipReason));
        Assert.Equal(DeliveryStatus.Queued, reminders[forAll].Status);
    }
}
