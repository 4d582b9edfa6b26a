using PeerMentor.Domain.Notifications;

namespace PeerMentor.Tests.Domain;

public class OutboxMessageTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Failures_back_off_exponentially_and_give_up_after_the_last_attempt_with_the_reason_kept()
    {
        var message = OutboxMessage.Mail(new MailMessage("a@example.com", "s", "t", "h"), Now);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < OutboxMessage.MaxAttempts - 1; i++)
        {
            message.MarkFailed("421 try later", Now);
            waits.Add(message.NextAttemptUtc - Now);
        }
        message.MarkFailed("421 try later", Now);

        Assert.Equal([30, 60, 120, 240, 480, 960, 1920], waits.Select(w => (int)w.TotalSeconds));
        Assert.Equal((DeliveryStatus.Dead, "421 try later"), (message.Status, message.LastError));
    }

    [Fact]
    public void A_retry_by_an_admin_queues_a_dead_message_again_now()
    {
        var message = OutboxMessage.Mail(new MailMessage("a@example.com", "s", "t", "h"), Now);
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++) message.MarkFailed("550 no such user", Now);

        message.Retry(Now.AddHours(1));

        Assert.Equal((DeliveryStatus.Queued, Now.AddHours(1), 0), (message.Status, message.NextAttemptUtc, message.Attempts));
    }
}
