using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using Bunit;
using MudBlazor.Services;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Tests.Web;

namespace PeerMentor.Tests.Domain.Notifications;

public class NotificationPreferenceTests
{
    private const string Phone = "+919812345678";

    /// <summary>Tuesday 24 Nov 2026, 10:00 in Berlin: 27 hours after the scenario's "now".</summary>
    private static readonly DateTime TuesdayTenBerlin = SchedulingScenario.Monday0900Berlin.AddDays(1).AddHours(1);

    /// <summary>Monday 23 Nov 2026, 14:00 in Berlin: 7 hours after the scenario's "now", outside the 2-hour change cutoff.</summary>
    private static readonly DateTime MondayTwoPmBerlin = SchedulingScenario.Monday0900Berlin.AddHours(5);

    private static Task ChooseAsync(AppFactory app, string userId, NotificationTopic topic, bool email, bool sms) => app.RunAsync(async s =>
    {
        var result = await s.GetRequiredService<NotificationPreferenceService>().SaveAsync(userId, new Dictionary<NotificationTopic, ChannelChoice> { [topic] = new(email, sms) });
        Assert.True(result.Succeeded, result.Summary);
    });

    private static Task<NotificationChoices> ChoicesOfAsync(AppFactory app, string userId) =>
        app.RunAsync(s => s.GetRequiredService<NotificationPreferenceService>().GetAsync(userId));

    private static async Task<Guid> BookAsync(SchedulingScenario world, string student, DateTime startUtc)
    {
        var (result, id) = await world.RequestAsync(student, startUtc);
        Assert.True(result.Succeeded, result.Summary);
        return id!.Value;
    }

    private static async Task DispatchAtAsync(SchedulingScenario world, DateTime utc)
    {
        world.Clock.Advance(utc - world.Clock.GetUtcNow().UtcDateTime);
        await world.DispatchAsync();
    }

    [Fact]
    public async Task A_new_person_gets_email_for_every_topic_and_sms_for_reminders_and_urgent_session_changes()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var person = await app.CreateAsync(Roles.Student);

        var choices = await ChoicesOfAsync(app, person.Id);

        Assert.Equal(NotificationTopics.All.Select(t => (t.Topic, new ChannelChoice(true, t.Topic
                is NotificationTopic.SessionUpdates or NotificationTopic.SessionReminders or NotificationTopic.MasterclassReminders))),
            NotificationTopics.All.Select(t => (t.Topic, choices[t.Topic])));
    }

    [Fact]
    public async Task Account_and_security_mail_cannot_be_turned_off()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var person = await app.CreateAsync(Roles.Student);

        await ChooseAsync(app, person.Id, NotificationTopic.AccountSecurity, email: false, sms: false);

        Assert.True((await ChoicesOfAsync(app, person.Id))[NotificationTopic.AccountSecurity].Email);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Turning_session_updates_off_stops_the_mail_that_confirms_a_session(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind, smtp: true);
        var student = (await world.AddStudentsAsync(1))[0];
        await ChooseAsync(world.App, student, NotificationTopic.SessionUpdates, email: false, sms: false);
        var id = await BookAsync(world, student, TuesdayTenBerlin);

        Assert.True((await world.RunAsync(s => s.AcceptAsync(world.MentorId, id))).Succeeded);
        await world.DispatchAsync();

        var email = await world.EmailOfAsync(student);
        var confirmation = (await world.OutboxAsync()).Single(m => m.UserId == student && m.Topic == NotificationTopic.SessionUpdates);
        Assert.Equal((DeliveryStatus.Skipped, NotificationTopics.TurnedOff), (confirmation.Status, confirmation.SkipReason));
        Assert.Empty((await SmtpSink.InstanceAsync()).MailTo(email));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_reminder_queued_before_its_topic_was_turned_off_is_skipped_at_dispatch_with_the_reason(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind, autoAccept: true, smtp: true);
        var student = (await world.AddStudentsAsync(1))[0];
        await BookAsync(world, student, TuesdayTenBerlin);
        await ChooseAsync(world.App, student, NotificationTopic.SessionReminders, email: false, sms: false);

        await DispatchAtAsync(world, TuesdayTenBerlin.AddDays(-1));

        var reminder = (await world.OutboxAsync()).Single(m => m.UserId == student && m.ReminderMinutes == 1440);
        Assert.Equal((DeliveryStatus.Skipped, NotificationTopics.TurnedOff), (reminder.Status, reminder.SkipReason));
    }

    [Fact]
    public async Task The_delivery_log_shows_the_topic_and_why_a_turned_off_reminder_was_not_sent()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var student = (await world.AddStudentsAsync(1))[0];
        await BookAsync(world, student, TuesdayTenBerlin);
        await ChooseAsync(world.App, student, NotificationTopic.SessionReminders, email: false, sms: false);
        await DispatchAtAsync(world, TuesdayTenBerlin.AddDays(-1));
        await using var ui = new BunitContext();
        ui.JSInterop.Mode = JSRuntimeMode.Loose;
        ui.Services.AddMudServices();
        ui.Services.AddSingleton(world.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        ui.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var log = ui.Render<PeerMentor.Web.Components.Admin.Deliveries>();

        log.WaitForAssertion(() => Assert.Contains(log.FindAll("tr.delivery"), row =>
            row.TextContent.Contains("Reminder, 24 h before")
            && row.QuerySelector("[data-testid=topic]")!.TextContent == "Session reminders"
            && row.QuerySelector("[data-testid=reason]")?.TextContent == "turned off by the recipient"));
    }

    [Fact]
    public async Task Security_mail_still_arrives_when_everything_is_turned_off()
    {
        await using var app = await AppFactory.CreateAsync();
        var person = await app.CreateAsync(Roles.Student);
        await app.RunAsync(s => s.GetRequiredService<NotificationPreferenceService>().SaveAsync(person.Id,
            NotificationTopics.All.ToDictionary(t => t.Topic, _ => new ChannelChoice(false, false))));

        await app.RunAsync(s => s.GetRequiredService<RegistrationService>().SendPasswordResetAsync(person.Email, new AccountLinks(new Uri("http://peermentor.test/"))));

        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(person.Email);
        Assert.Equal("Reset your PeerMentor password", mail.Subject);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_student_who_wants_masterclass_reminders_by_sms_is_texted_with_a_verified_phone_and_emailed_without(bool verifiedPhone)
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(smtp: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        if (verifiedPhone) await world.VerifyPhoneAsync(student, Phone);
        // SMS only: email is turned off, yet without a phone email takes over.
        await ChooseAsync(world.App, student, NotificationTopic.MasterclassReminders, email: false, sms: true);
        var start = await CreateMasterclassAsync(world, student);

        await DispatchAtAsync(world, start.AddMinutes(-15));

        var reminder = (await world.OutboxAsync()).Single(m => m.EventId is not null);
        Assert.Equal((verifiedPhone ? OutboxChannel.Sms : OutboxChannel.Email, DeliveryStatus.Sent), (reminder.Channel, reminder.Status));
        Assert.Equal(verifiedPhone ? 1 : 0, gateway.To(Phone).Count);
    }

    [Fact]
    public async Task A_student_with_a_verified_phone_who_turned_sms_off_for_masterclasses_gets_the_reminder_by_email()
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(smtp: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, Phone);
        await ChooseAsync(world.App, student, NotificationTopic.MasterclassReminders, email: true, sms: false);
        var start = await CreateMasterclassAsync(world, student);

        await DispatchAtAsync(world, start.AddMinutes(-15));

        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(await world.EmailOfAsync(student), m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Contains("Design review", mail.Subject);
        Assert.Empty(gateway.Requests);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Removing_the_phone_sends_the_queued_sms_reminder_by_email_instead(DatabaseKind kind)
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(kind, autoAccept: true, smtp: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, Phone);
        await BookAsync(world, student, TuesdayTenBerlin);

        var removed = await world.App.RunAsync(s => s.GetRequiredService<NotificationPreferenceService>().RemovePhoneAsync(student));
        await DispatchAtAsync(world, TuesdayTenBerlin.AddMinutes(-15));

        Assert.True(removed.Succeeded, removed.Summary);
        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(await world.EmailOfAsync(student),
            m => m.Text?.Contains("You removed your phone", StringComparison.Ordinal) == true);
        Assert.Contains("starts", mail.Text);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task Turning_sms_off_for_reminders_sends_an_already_queued_text_by_email_instead()
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, smtp: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, Phone);
        await BookAsync(world, student, TuesdayTenBerlin);

        await ChooseAsync(world.App, student, NotificationTopic.SessionReminders, email: true, sms: false);
        await DispatchAtAsync(world, TuesdayTenBerlin.AddMinutes(-15));

        await (await SmtpSink.InstanceAsync()).WaitForMailAsync(await world.EmailOfAsync(student),
            m => m.Text?.Contains("You chose email instead of SMS", StringComparison.Ordinal) == true);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task After_removing_the_phone_new_reminders_are_planned_by_email()
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, Phone);
        await world.App.RunAsync(s => s.GetRequiredService<NotificationPreferenceService>().RemovePhoneAsync(student));

        await BookAsync(world, student, TuesdayTenBerlin);

        var reminders = (await world.OutboxAsync()).Where(m => m.UserId == student && m.Kind == OutboxKind.Reminder).Select(m => m.Channel).Distinct();
        Assert.Equal([OutboxChannel.Email], reminders);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_session_cancelled_less_than_a_day_ahead_is_texted_to_the_other_party(DatabaseKind kind)
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(kind, autoAccept: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, Phone);
        var id = await BookAsync(world, student, MondayTwoPmBerlin);

        var cancelled = await world.RunAsync(s => s.CancelAsync(world.MentorId, id, "I am ill."));
        await world.DispatchAsync();

        Assert.True(cancelled.Succeeded, cancelled.Summary);
        var text = Assert.Single(gateway.To(Phone)).Form["Body"];
        Assert.Contains("cancelled your session", text);
        Assert.Contains("18:30", text); // 14:00 in Berlin is 18:30 in Kolkata, the student's zone
    }

    [Fact]
    public async Task A_session_moved_at_short_notice_is_texted_with_its_new_time()
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, Phone);
        var id = await BookAsync(world, student, MondayTwoPmBerlin);

        var moved = await world.RunAsync(s => s.RescheduleAsync(world.MentorId, id, MondayTwoPmBerlin.AddHours(2), "Clash"));
        await world.DispatchAsync();

        Assert.True(moved.Succeeded, moved.Summary);
        Assert.Contains("moved your session to", Assert.Single(gateway.To(Phone)).Form["Body"]);
    }

    [Fact]
    public async Task A_session_cancelled_days_ahead_is_not_texted()
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, Phone);
        var id = await BookAsync(world, student, TuesdayTenBerlin.AddDays(2));

        await world.RunAsync(s => s.CancelAsync(world.MentorId, id, "I am ill."));
        await world.DispatchAsync();

        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task A_person_who_turned_sms_off_for_session_updates_is_not_texted_about_an_urgent_cancellation()
    {
        await using var gateway = new FakeSmsGateway();
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, sms: gateway);
        var student = (await world.AddStudentsAsync(1))[0];
        await world.VerifyPhoneAsync(student, Phone);
        await ChooseAsync(world.App, student, NotificationTopic.SessionUpdates, email: true, sms: false);
        var id = await BookAsync(world, student, MondayTwoPmBerlin);

        await world.RunAsync(s => s.CancelAsync(world.MentorId, id, "I am ill."));
        await world.DispatchAsync();

        Assert.Empty(gateway.Requests);
    }

    /// <summary>A program with the scenario's mentor and this student, and a masterclass on Tuesday at 08:00 UTC; returns its start.</summary>
    private static async Task<DateTime> CreateMasterclassAsync(SchedulingScenario world, string student)
    {
        var start = SchedulingScenario.Monday0900Berlin.AddDays(1);
        Guid programId = default;
        await world.App.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            programId = (await programs.CreateAsync(new ProgramInput("Preferences cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value;
            foreach (var id in new[] { world.MentorId, student }) await programs.AddMemberAsync(programId, id, 1);
        });
        var (result, _) = await world.App.RunAsync(s => s.GetRequiredService<ProgramEventService>().CreateAsync(world.MentorId, false, programId,
            new EventInput("Design review", "Bring a diagram.", start, 60, null, null)));
        Assert.True(result.Succeeded, result.Summary);
        return start;
    }
}
