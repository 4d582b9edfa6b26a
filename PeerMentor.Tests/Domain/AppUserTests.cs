using PeerMentor.Domain.Accounts;

namespace PeerMentor.Tests.Domain;

public class AppUserTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    private static AppUser NewUser() =>
        AppUser.Register("ana@example.com", " Ana Lima ", "Europe/Lisbon", Roles.Mentor, 6, "Go, SQL", Now);

    [Fact]
    public void A_new_registration_waits_for_approval() => Assert.Equal(ApprovalStatus.Pending, NewUser().Approval);

    [Fact]
    public void Rejecting_keeps_the_reason_and_approving_later_clears_it()
    {
        var user = NewUser();
        user.Reject("Cohort is full", Now);
        Assert.Equal(("Cohort is full", ApprovalStatus.Rejected), (user.RejectionReason, user.Approval));

        user.Approve(Now.AddDays(1));
        Assert.Equal((null, ApprovalStatus.Approved, Now.AddDays(1)), (user.RejectionReason, user.Approval, user.DecidedUtc));
    }

    [Fact]
    public void Anonymising_erases_what_identifies_the_person_but_keeps_their_id()
    {
        var user = NewUser();
        user.PasswordHash = "hash";
        var id = user.Id;

        user.Anonymise(Now);

        Assert.Equal(id, user.Id);
        Assert.Equal(AppUser.DeletedDisplayName, user.DisplayName);
        Assert.DoesNotContain("ana", user.Email, StringComparison.OrdinalIgnoreCase);
        Assert.Null(user.PasswordHash);
        Assert.Equal("", user.Expertise);
        Assert.True(user.IsDeleted);
    }
}
