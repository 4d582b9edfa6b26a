using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

public class SessionReminderSmsTests
{
    /// <summary>Tuesday 24 Nov 2026, 10:00 in Berlin (14:30 in Kolkata).</summary>
    private static readonly DateTime TuesdayTenBerlin = SchedulingScenario.Monday0900Berlin.AddDays(1).AddHours(1);

    [Fact]
    public async Task The_15_minute_reminder_goes_by_sms_to_a_student_with_a_verified_phone_and_the_day_before_one_by_email()
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, "+919812345678");
        Assert.True((await world.RequestAsync(student, TuesdayTenBerlin)).Result.Succeeded);

        world.Clock.Advance(TuesdayTenBerlin.AddMinutes(-15) - world.Clock.GetUtcNow().UtcDateTime);
        await world.DispatchAsync();

        var email = await world.EmailOfAsync(student);
        var studentReminders = (await world.OutboxAsync()).Where(m => m.Kind == OutboxKind.Reminder && m.Email == email)
            .Select(m => (m.ReminderMinutes, m.Channel)).Order().ToList();
        Assert.Equal([(15, OutboxChannel.Sms), (1440, OutboxChannel.Email)], studentReminders);
        Assert.Contains("14:30", Assert.Single(gateway.To("+919812345678")).Form["Body"]);
    }
}
