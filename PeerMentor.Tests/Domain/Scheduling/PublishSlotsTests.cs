using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

public class PublishSlotsTests
{
    [Fact]
    public async Task Publishing_slots_mails_the_mentors_program_group_and_past_students_a_link_to_book_and_nobody_else()
    {
        await using var scenario = await SchedulingScenario.CreateAsync(smtp: true);
        var students = await scenario.AddStudentsAsync(3);
        var (booked, grouped, stranger) = (students[0], students[1], students[2]);
        var (requested, _) = await scenario.RequestAsync(booked, SchedulingScenario.Monday0900Berlin.AddDays(1));
        Assert.True(requested.Succeeded, requested.Summary);
        await scenario.App.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var today = DateOnly.FromDateTime(scenario.Clock.GetUtcNow().UtcDateTime);
            var (_, id) = await programs.CreateAsync(new ProgramInput("Cohort P", today, today.AddDays(60), 5));
            foreach (var member in new[] { scenario.MentorId, grouped }) Assert.True((await programs.AddMemberAsync(id!.Value, member)).Succeeded);
            return await programs.AssignAsync(id!.Value);
        });

        var told = await scenario.RunAsync(s => s.PublishSlotsAsync(scenario.MentorId));
        await scenario.DispatchAsync();

        Assert.Equal(2, told);
        var smtp = await SmtpSink.InstanceAsync();
        foreach (var student in new[] { booked, grouped })
        {
            var mail = await smtp.WaitForMailAsync(await scenario.EmailOfAsync(student), m => m.Subject.EndsWith("opened new session slots", StringComparison.Ordinal));
            Assert.Contains($"/mentors/{scenario.MentorId}", mail.Text);
        }
        Assert.DoesNotContain(smtp.MailTo(await scenario.EmailOfAsync(stranger)), m => m.Subject.EndsWith("opened new session slots", StringComparison.Ordinal));
    }
}
