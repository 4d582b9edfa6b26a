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
        message.Property(m => m.Topic).HasConversion<string>().HasMaxLength(32);
        message.HasIndex(m => m.UserId);
        message.HasIndex(m => m.EventId);
        message.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        message.HasIndex(m => m.SessionId);
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.ToTable("NotificationPreferences");
        preference.HasKey(p => new { p.UserId, p.Topic });
        preference.Property(p => p.Topic).HasConversion<string>().HasMaxLength(32);
        preference.HasOne<PeerMentor.Domain.Accounts.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
