using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Data.Configurations;

public sealed class SentMailConfiguration : IEntityTypeConfiguration<SentMail>
{
    public void Configure(EntityTypeBuilder<SentMail> mail)
    {
        mail.Property(m => m.To).HasMaxLength(320);
        mail.Property(m => m.Subject).HasMaxLength(300);
        mail.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        mail.HasIndex(m => m.CreatedUtc);
    }
}
