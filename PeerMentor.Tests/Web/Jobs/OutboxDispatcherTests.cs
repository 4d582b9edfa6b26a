using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Jobs;

namespace PeerMentor.Tests.Web.Jobs;

public class OutboxDispatcherTests
{
    // The background job looks once at start and never wakes on commits; the tests drive batches themselves.
    private static readonly Dictionary<string, string?> QuietDispatcher = new()
    {
        ["Notifications:Dispatcher:PollSeconds"] = "3600", ["Notifications:Dispatcher:WakeOnCommit"] = "false",
    };

    private static Task EnqueueAsync(AppFactory app, IEnumerable<MailMessage> mails) => app.RunAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        db.Outbox.AddRange(mails.Select(m => OutboxMessage.Mail(m, DateTime.UtcNow)));
        await db.SaveChangesAsync();
    });

    private static Task<List<OutboxMessage>> OutboxAsync(AppFactory app) =>
        app.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_queued_mail_reaches_the_smtp_server_and_is_marked_sent()
    {
        await using var app = await AppFactory.CreateAsync(extra: QuietDispatcher);
        var to = TestUsers.NewEmail();
        await EnqueueAsync(app, [new MailMessage(to, "Queued hello", "text part", "<p>html part</p>")]);

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync();

        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(to);
        Assert.Equal(("Queued hello", "text part", "<p>html part</p>"), (mail.Subject, mail.Text?.TrimEnd(), mail.Html?.TrimEnd()));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await OutboxAsync(app)).Status);
    }

    [Fact]
    public async Task One_persons_mails_arrive_in_the_order_they_were_written_while_lanes_send_in_parallel()
    {
        await using var app = await AppFactory.CreateAsync(extra: QuietDispatcher);
        var reader = TestUsers.NewEmail("ordered");
        var others = Enumerable.Range(0, 12).Select(i => TestUsers.NewEmail($"other{i}")).ToArray();
        await EnqueueAsync(app, Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? new MailMessage(reader, $"Step {i / 2:D2}", "t", "h")
            : new MailMessage(others[i % others.Length], $"Noise {i}", "t", "h")));

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchBatchAsync() > 0) { }

        var smtp = await SmtpSink.InstanceAsync();
        await smtp.WaitForMailAsync(reader, _ => smtp.MailTo(reader).Count >= 30);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"Step {i:D2}"), smtp.MailTo(reader).Select(m => m.Subject));
        Assert.All(await OutboxAsync(app), m => Assert.Equal(DeliveryStatus.Sent, m.Status));
    }

    [Fact]
    public void A_batch_is_split_into_lanes_of_even_size_each_holding_whole_recipients_in_queue_order()
    {
        // 400 mails to 100 people, four each, as the outbox benchmark queues them; mixed case is one person.
        var batch = Enumerable.Range(1, 400).Select(i => ((long)i, i % 3 == 0 ? $"Person{i % 100}@Example.com" : $"person{i % 100}@example.com")).ToList();

        var lanes = OutboxDispatcher.Lanes(batch, 8);

        Assert.Equal(8, lanes.Count);
        Assert.True(lanes.Max(l => l.Count) - lanes.Min(l => l.Count) <= 4, string.Join(", ", lanes.Select(l => l.Count)));
        Assert.All(lanes, lane => Assert.Equal(lane.Order(), lane));
        Assert.All(batch.GroupBy(m => m.Item2.ToLowerInvariant()), person =>
            Assert.Single(lanes, lane => person.Any(m => lane.Contains(m.Item1))));
    }

    // Polling only once an hour, and that look taken before the mail is queued: whatever arrives within the test's wait
    // was woken by the commit itself.
    private static readonly Dictionary<string, string?> HourlyPoll = new() { ["Notifications:Dispatcher:PollSeconds"] = "3600" };

    private static async Task<AppFactory> AppPolledJustNowAsync()
    {
        var app = await AppFactory.CreateAsync(extra: HourlyPoll);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (dispatcher.Drains == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(dispatcher.Drains > 0, "The dispatcher never took its first look.");
        return app;
    }

    [Fact]
    public async Task A_mail_committed_on_this_instance_goes_out_at_once_without_waiting_for_the_poll()
    {
        await using var app = await AppPolledJustNowAsync();
        var to = TestUsers.NewEmail("woken");

        await EnqueueAsync(app, [new MailMessage(to, "Right away", "t", "h")]);

        await (await SmtpSink.InstanceAsync()).WaitForMailAsync(to, timeout: TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_mail_queued_inside_a_transaction_goes_out_once_the_transaction_commits()
    {
        await using var app = await AppPolledJustNowAsync();
        var to = TestUsers.NewEmail("committed");

        await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Outbox.Add(OutboxMessage.Mail(new MailMessage(to, "After commit", "t", "h"), DateTime.UtcNow));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        await (await SmtpSink.InstanceAsync()).WaitForMailAsync(to, timeout: TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_mail_to_a_malformed_address_is_given_up_at_once_with_the_reason_and_the_rest_go_out()
    {
        await using var app = await AppFactory.CreateAsync(extra: QuietDispatcher);
        var good = TestUsers.NewEmail("good");
        await EnqueueAsync(app, [new MailMessage("not an address", "Broken", "t", "h"), new MailMessage(good, "Fine", "t", "h")]);

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync();

        await (await SmtpSink.InstanceAsync()).WaitForMailAsync(good, m => m.Subject == "Fine");
        var messages = await OutboxAsync(app);
        var broken = messages.Single(m => m.Subject == "Broken");
        Assert.Equal((DeliveryStatus.Dead, 1), (broken.Status, broken.Attempts));
        Assert.Contains("is not a valid email address", broken.LastError);
        Assert.Equal(DeliveryStatus.Sent, messages.Single(m => m.Subject == "Fine").Status);
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_mail_stays_queued_with_the_reason_and_a_later_retry()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?>(QuietDispatcher)
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = ExternalProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false",
        });
        await EnqueueAsync(app, [new MailMessage(TestUsers.NewEmail(), "Will fail", "t", "h")]);
        var before = DateTime.UtcNow;

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync();

        var message = Assert.Single(await OutboxAsync(app));
        Assert.Equal((DeliveryStatus.Queued, 1), (message.Status, message.Attempts));
        Assert.Contains("did not accept", message.LastError);
        Assert.InRange(message.NextAttemptUtc, before.AddSeconds(29), DateTime.UtcNow.AddSeconds(31));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_postgresql_database_deliver_every_mail_exactly_once()
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var smtp = await SmtpSink.InstanceAsync();
        await using var first = new AppFactory(database, smtp, QuietDispatcher);
        await using var second = new AppFactory(database, smtp, QuietDispatcher);
        var to = TestUsers.NewEmail("twice");
        await EnqueueAsync(first, Enumerable.Range(0, 120).Select(i => new MailMessage(to, $"Mail {i}", "t", "h")));

        async Task DrainAsync(AppFactory app)
        {
            var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
            while (await dispatcher.DispatchBatchAsync() > 0) { }
        }
        await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        await smtp.WaitForMailAsync(to, _ => smtp.MailTo(to).Count >= 120);
        await Task.Delay(500);
        var subjects = smtp.MailTo(to).Select(m => m.Subject).ToList();
        Assert.Equal(120, subjects.Distinct().Count());
        Assert.Equal(120, subjects.Count);
        Assert.All(await OutboxAsync(first), m => Assert.Equal(DeliveryStatus.Sent, m.Status));
    }
}
