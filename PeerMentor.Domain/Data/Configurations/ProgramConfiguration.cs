using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;

namespace PeerMentor.Domain.Data.Configurations;

public sealed class MentoringProgramConfiguration : IEntityTypeConfiguration<MentoringProgram>
{
    public void Configure(EntityTypeBuilder<MentoringProgram> program)
    {
        program.ToTable("Programs");
        program.Property(p => p.Name).HasMaxLength(120);
        program.Ignore(p => p.Active);
        program.Ignore(p => p.Criteria);
        program.Property(p => p.ReviewCriteria).HasMaxLength(500);
        program.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProgramId);
        program.HasMany(p => p.Exclusions).WithOne().HasForeignKey(e => e.ProgramId);
    }
}

public sealed class ProgramMemberConfiguration : IEntityTypeConfiguration<ProgramMember>
{
    public void Configure(EntityTypeBuilder<ProgramMember> member)
    {
        member.Property(m => m.Role).HasMaxLength(16);
        member.Property(m => m.ProbationReason).HasMaxLength(500);
        member.Property(m => m.LeftReason).HasMaxLength(500);
        member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        member.HasOne<AppUser>().WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        member.HasIndex(m => new { m.ProgramId, m.UserId });
        member.HasIndex(m => m.UserId);
    }
}

public sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> announcement)
    {
        announcement.Property(a => a.Title).HasMaxLength(200);
        announcement.Property(a => a.Markdown).HasMaxLength(Announcement.MaxLength);
        announcement.Ignore(a => a.Html);
        announcement.HasOne<MentoringProgram>().WithMany().HasForeignKey(a => a.ProgramId);
        announcement.HasIndex(a => new { a.ProgramId, a.PostedUtc });
    }
}

public sealed class ProgramEventConfiguration : IEntityTypeConfiguration<ProgramEvent>
{
    public void Configure(EntityTypeBuilder<ProgramEvent> programEvent)
    {
        programEvent.Property(e => e.Title).HasMaxLength(200);
        programEvent.Property(e => e.Description).HasMaxLength(4000);
        programEvent.Property(e => e.MeetingUrl).HasMaxLength(500);
        programEvent.Ignore(e => e.Time);
        programEvent.Ignore(e => e.IsCancelled);
        programEvent.Property(e => e.CancelReason).HasMaxLength(ProgramEvent.MaxReasonLength);
        programEvent.HasOne<MentoringProgram>().WithMany().HasForeignKey(e => e.ProgramId);
        programEvent.HasOne<AppUser>().WithMany().HasForeignKey(e => e.GroupMentorId).OnDelete(DeleteBehavior.Restrict);
        programEvent.HasOne<AppUser>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.Restrict);
        programEvent.HasIndex(e => new { e.ProgramId, e.StartUtc });
    }
}

public sealed class EventResourceConfiguration : IEntityTypeConfiguration<EventResource>
{
    public void Configure(EntityTypeBuilder<EventResource> resource)
    {
        resource.ToTable("EventResources");
        resource.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        resource.Property(r => r.Title).HasMaxLength(200);
        resource.Property(r => r.Url).HasMaxLength(500);
        resource.Property(r => r.StoredName).HasMaxLength(64);
        resource.Property(r => r.FileName).HasMaxLength(255);
        resource.Property(r => r.ContentType).HasMaxLength(100);
        resource.Ignore(r => r.HasFile);
        resource.HasOne<ProgramEvent>().WithMany().HasForeignKey(r => r.EventId);
        resource.HasOne<AppUser>().WithMany().HasForeignKey(r => r.AddedById).OnDelete(DeleteBehavior.Restrict);
        resource.HasIndex(r => r.EventId);
    }
}
