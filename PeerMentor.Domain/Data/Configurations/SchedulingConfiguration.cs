using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Data.Configurations;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        // Status is the concurrency token: two people deciding on the same session at once cannot
        // both win (e.g. an accept declining a request that another accept just booked).
        session.Property(s => s.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        session.Property(s => s.Agenda).HasMaxLength(Session.MaxAgendaLength);
        session.Property(s => s.Notes).HasMaxLength(Session.MaxAgendaLength);
        session.Property(s => s.StatusReason).HasMaxLength(Session.MaxReasonLength);
        session.Property(s => s.MeetingUrl).HasMaxLength(500);
        session.HasOne(s => s.Mentor).WithMany().HasForeignKey(s => s.MentorId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne(s => s.Student).WithMany().HasForeignKey(s => s.StudentId).OnDelete(DeleteBehavior.Restrict);
        session.Ignore(s => s.Time);
        session.HasIndex(s => new { s.MentorId, s.StartUtc });
        session.HasIndex(s => new { s.StudentId, s.StartUtc });
        session.HasIndex(s => new { s.Status, s.ExpiresUtc });
        // A double-clicked request is one request: one open request per student, mentor and start time.
        session.HasIndex(s => new { s.StudentId, s.MentorId, s.StartUtc })
            .IsUnique()
            .HasFilter($"\"Status\" = '{nameof(SessionStatus.Requested)}'")
            .HasDatabaseName("IX_Sessions_OneOpenRequest");
    }
}

public sealed class MentorAvailabilityConfiguration : IEntityTypeConfiguration<MentorAvailability>
{
    public void Configure(EntityTypeBuilder<MentorAvailability> availability)
    {
        availability.HasKey(a => a.MentorId);
        availability.HasOne<AppUser>().WithOne().HasForeignKey<MentorAvailability>(a => a.MentorId);
        availability.Property(a => a.SessionLengths).HasMaxLength(64);
        availability.Property(a => a.MeetingUrl).HasMaxLength(500);
        availability.Ignore(a => a.Lengths);
        availability.Ignore(a => a.Settings);
        availability.HasMany(a => a.Rules).WithOne().HasForeignKey(r => r.MentorId);
        availability.HasMany(a => a.Overrides).WithOne().HasForeignKey(o => o.MentorId);
    }
}

public sealed class AvailabilityOverrideConfiguration : IEntityTypeConfiguration<AvailabilityOverride>
{
    public void Configure(EntityTypeBuilder<AvailabilityOverride> entity)
    {
        entity.HasIndex(o => new { o.MentorId, o.Date });
        entity.Ignore(o => o.IsDayOff);
    }
}
