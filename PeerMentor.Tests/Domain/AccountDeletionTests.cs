using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain;

/// <summary>Deleting a person leaves nobody waiting on them and sends them nothing more.</summary>
public class AccountDeletionTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Deleting_a_mentor_cancels_their_sessions_moves_their_students_and_stops_their_mail(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);
        var admin = await world.App.CreateAsync(Roles.Admin);
        var studentId = (await world.AddStudentsAsync(1))[0];
        var (_, sessionId) = await world.RequestAsync(studentId, SchedulingScenario.Monday0900Berlin.AddDays(1));
        Assert.True((await world.RunAsync(s => s.AcceptAsync(world.MentorId, sessionId!.Value))).Succeeded);
        var programId = await world.App.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var id = (await programs.CreateAsync(new ProgramInput("Cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), 10))).Id!.Value;
            await programs.AddMemberAsync(id, world.MentorId);
            await programs.AddMemberAsync(id, studentId);
            await programs.AssignAsync(id);
            return id;
        });
        var otherMentor = await world.AddMentorAsync();
        await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().AddMemberAsync(programId, otherMentor));
        await world.App.RunAsync(s => s.GetRequiredService<NotificationPreferenceService>().SaveAsync(world.MentorId,
            new Dictionary<NotificationTopic, ChannelChoice> { [NotificationTopic.NewSlots] = new(Email: false, Sms: false) }));
        var mentorEmail = await world.EmailOfAsync(world.MentorId);

        var result = await world.App.RunAsync(s => s.GetRequiredService<AccountAdminService>().DeleteAsync(world.MentorId, admin.Id));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal(SessionStatus.Cancelled, (await world.LoadAsync(sessionId!.Value)).Status);
        var outbox = await world.OutboxAsync();
        Assert.Contains(outbox, m => m.UserId == studentId && m.Status == DeliveryStatus.Queued && m.TextBody.Contains("is no longer on PeerMentor"));
        var toMentor = outbox.Where(m => m.UserId == world.MentorId || m.Recipient == mentorEmail).ToList();
        Assert.NotEmpty(toMentor);
        // Their reminders stop with the session; the cancellation notice to them stops with the account.
        Assert.All(toMentor, m => Assert.Equal(DeliveryStatus.Skipped, m.Status));
        Assert.Contains(toMentor, m => m.Kind == OutboxKind.Notice && m.SkipReason == AccountAdminService.DeletedSkipReason);
        var mentorOf = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers.AsNoTracking()
            .Where(m => m.ProgramId == programId && m.UserId == studentId).Select(m => m.MentorId).SingleAsync());
        Assert.Equal(otherMentor, mentorOf);
        Assert.False(await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().NotificationPreferences.AnyAsync(p => p.UserId == world.MentorId)));
    }

    [Fact]
    public async Task A_deleted_student_leaves_their_program_and_frees_their_place()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var admin = await world.App.CreateAsync(Roles.Admin);
        var student = await world.App.CreateAsync(Roles.Student);
        var programId = await world.App.CreateProgramAsync("Cohort", assign: false, student);

        await world.App.RunAsync(s => s.GetRequiredService<AccountAdminService>().DeleteAsync(student.Id, admin.Id));

        var member = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers.AsNoTracking()
            .SingleAsync(m => m.ProgramId == programId && m.UserId == student.Id));
        Assert.NotNull(member.LeftUtc);
        Assert.Equal("The account was deleted.", member.LeftReason);
    }
}
