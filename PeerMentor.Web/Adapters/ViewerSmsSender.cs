using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Web.Adapters;

/// <summary>Keeps texts in the in-app viewer beside the mail, so development needs no SMS gateway.</summary>
public sealed class ViewerSmsSender(AppDbContext db, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        db.SentMails.Add(SentMail.From(message, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
