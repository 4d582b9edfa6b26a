using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Domain.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.TimeZoneId).HasMaxLength(64);
        user.Property(u => u.RequestedRole).HasMaxLength(16);
        user.Property(u => u.Expertise).HasMaxLength(500);
        user.Property(u => u.RejectionReason).HasMaxLength(1000);
        user.Property(u => u.Approval).HasConversion<string>().HasMaxLength(16);
        user.Property(u => u.Theme).HasConversion<string>().HasMaxLength(16);
        user.HasIndex(u => u.Approval);
    }
}
