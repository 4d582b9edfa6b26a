using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;

namespace PeerMentor.Domain.Data.Configurations;

public sealed class WeeklyReviewConfiguration : IEntityTypeConfiguration<WeeklyReview>
{
    public void Configure(EntityTypeBuilder<WeeklyReview> review)
    {
        review.Property(r => r.Scores).HasMaxLength(1000);
        review.Property(r => r.Feedback).HasMaxLength(WeeklyReview.MaxFeedbackLength);
        review.Ignore(r => r.Points);
        review.Ignore(r => r.Average);
        review.HasOne<MentoringProgram>().WithMany().HasForeignKey(r => r.ProgramId);
        review.HasOne<AppUser>().WithMany().HasForeignKey(r => r.MentorId).OnDelete(DeleteBehavior.Restrict);
        review.HasOne<AppUser>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Restrict);
        review.HasMany(r => r.Changes).WithOne().HasForeignKey(c => c.ReviewId);
        // One review per student per week in a program.
        review.HasIndex(r => new { r.ProgramId, r.StudentId, r.Week }).IsUnique();
    }
}

public sealed class ReviewChangeConfiguration : IEntityTypeConfiguration<ReviewChange>
{
    public void Configure(EntityTypeBuilder<ReviewChange> change)
    {
        change.Property(c => c.PreviousScores).HasMaxLength(1000);
        change.Property(c => c.PreviousFeedback).HasMaxLength(WeeklyReview.MaxFeedbackLength);
        change.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BuddyPairConfiguration : IEntityTypeConfiguration<BuddyPair>
{
    public void Configure(EntityTypeBuilder<BuddyPair> pair)
    {
        pair.Property(p => p.Reason).HasMaxLength(500);
        pair.HasOne<MentoringProgram>().WithMany().HasForeignKey(p => p.ProgramId);
        pair.HasIndex(p => new { p.ProgramId, p.Week });
    }
}
