using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Web.Adapters;

/// <summary>Keeps mail in the database for the admins' mail viewer, so development needs no SMTP server.</summary>
public sealed class ViewerMailSender(AppDbContext db, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        db.SentMails.Add(SentMail.From(message, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
