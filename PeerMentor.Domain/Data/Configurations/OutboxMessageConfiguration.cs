using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.Recipient).HasMaxLength(320);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Property(m => m.LeaseOwner).HasMaxLength(100);
        message.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.CalendarMethod).HasMaxLength(16);
        message.Property(m => m.SkipReason).HasMaxLength(300);
        message.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.FallbackEmail).HasMaxLength(320);
        message.HasIndex(m => m.EventId);
        message.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        message.HasIndex(m => m.SessionId);
    }
}
