using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Jobs;

namespace PeerMentor.Tests.Web.Adapters;

public class SmsGatewayTests
{
    private const string Phone = "+4915123456789";

    private static async Task<AppFactory> AppAsync(FakeSmsGateway gateway)
    {
        var settings = new Dictionary<string, string?>(gateway.Settings) { ["Notifications:Dispatcher:PollSeconds"] = "3600", ["Notifications:Dispatcher:WakeOnCommit"] = "false" };
        return await AppFactory.CreateAsync(smtp: false, extra: settings);
    }

    private static async Task<List<OutboxMessage>> SendOneAsync(AppFactory app, string fallbackEmail = "fallback@example.com")
    {
        await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Outbox.Add(OutboxMessage.Sms(new SmsMessage(Phone, "Masterclass at 18:00"), "Reminder: Masterclass", fallbackEmail, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync();
        return await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
    }

    [Fact]
    public async Task The_client_posts_to_the_accounts_messages_path_with_basic_auth_and_the_to_from_and_body_fields()
    {
        await using var gateway = new FakeSmsGateway();
        await using var app = await AppAsync(gateway);

        await SendOneAsync(app);

        var request = Assert.Single(gateway.Requests);
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeSmsGateway.AccountSid}:{FakeSmsGateway.AuthToken}"));
        Assert.Equal(("POST", $"/2010-04-01/Accounts/{FakeSmsGateway.AccountSid}/Messages.json", expectedAuth),
            (request.Method, request.Path, request.Authorization));
        Assert.Equal((Phone, FakeSmsGateway.From, "Masterclass at 18:00"), (request.Form["To"], request.Form["From"], request.Form["Body"]));
    }

    [Fact]
    public async Task A_201_from_the_gateway_marks_the_sms_sent()
    {
        await using var gateway = new FakeSmsGateway();
        await using var app = await AppAsync(gateway);

        var message = Assert.Single(await SendOneAsync(app));

        Assert.Equal((OutboxChannel.Sms, DeliveryStatus.Sent), (message.Channel, message.Status));
    }

    [Fact]
    public async Task A_400_dead_letters_the_sms_at_once_with_twilios_message_and_queues_an_email_instead()
    {
        await using var gateway = new FakeSmsGateway { Answer = GatewayAnswer.BadRequest };
        await using var app = await AppAsync(gateway);

        var messages = await SendOneAsync(app, "student@example.com");

        Assert.Equal((DeliveryStatus.Dead, 1), (messages[0].Status, messages[0].Attempts));
        Assert.Contains(FakeSmsGateway.InvalidNumberMessage, messages[0].LastError);
        Assert.Contains("21211", messages[0].LastError);
        Assert.Equal((OutboxChannel.Email, "student@example.com", "Reminder: Masterclass"), (messages[1].Channel, messages[1].Recipient, messages[1].Subject));
    }

    [Theory]
    [InlineData(GatewayAnswer.ServerError)]
    [InlineData(GatewayAnswer.Hang)]
    public async Task A_server_error_or_a_timeout_leaves_the_sms_queued_for_a_retry_after_the_backoff(GatewayAnswer answer)
    {
        await using var gateway = new FakeSmsGateway { Answer = answer };
        await using var app = await AppAsync(gateway);
        var before = DateTime.UtcNow;

        var message = Assert.Single(await SendOneAsync(app));

        Assert.Equal((DeliveryStatus.Queued, 1), (message.Status, message.Attempts));
        Assert.InRange(message.NextAttemptUtc, before.AddSeconds(29), DateTime.UtcNow.AddSeconds(31));
    }
}
