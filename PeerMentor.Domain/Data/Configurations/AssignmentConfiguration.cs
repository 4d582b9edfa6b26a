using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;

namespace PeerMentor.Domain.Data.Configurations;

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.Property(a => a.Title).HasMaxLength(200);
        assignment.Property(a => a.Instructions).HasMaxLength(8000);
        assignment.HasOne<MentoringProgram>().WithMany().HasForeignKey(a => a.ProgramId);
        assignment.HasOne<ProgramEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.SetNull);
        assignment.HasOne<AppUser>().WithMany().HasForeignKey(a => a.GroupMentorId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        assignment.HasIndex(a => new { a.ProgramId, a.DueUtc });
    }
}

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.Property(s => s.StoredName).HasMaxLength(64);
        submission.Property(s => s.FileName).HasMaxLength(255);
        submission.Property(s => s.ContentType).HasMaxLength(100);
        submission.Property(s => s.LinkUrl).HasMaxLength(500);
        submission.Property(s => s.ReviewComments).HasMaxLength(4000);
        submission.Ignore(s => s.HasFile);
        submission.HasOne<Assignment>().WithMany().HasForeignKey(s => s.AssignmentId);
        submission.HasOne<AppUser>().WithMany().HasForeignKey(s => s.StudentId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne<AppUser>().WithMany().HasForeignKey(s => s.ReviewedById).OnDelete(DeleteBehavior.Restrict);
        // Latest counts: one submission per student and assignment, replaced on resubmission.
        submission.HasIndex(s => new { s.AssignmentId, s.StudentId }).IsUnique();
        // Two tabs resubmitting at once must not both win.
        submission.Property(s => s.Version).IsConcurrencyToken();
    }
}
