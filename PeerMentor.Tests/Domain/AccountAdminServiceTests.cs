using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain;

public class AccountAdminServiceTests
{
    private static readonly AccountLinks Links = new(new Uri("http://peermentor.test/"));

    private static Task<AppUser> LoadAsync(AppFactory app, string id) =>
        app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id));

    private static Task<IList<string>> RolesOfAsync(AppFactory app, string id) => app.RunAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
    });

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Approving_gives_the_chosen_role_and_mails_the_person(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind);
        var person = await app.CreateAsync(role: null);

        var result = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>().ApproveAsync(person.Id, Roles.Mentor, Links));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal([Roles.Mentor], await RolesOfAsync(app, person.Id));
        Assert.Equal(ApprovalStatus.Approved, (await LoadAsync(app, person.Id)).Approval);
        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(person.Email);
        Assert.Equal("Your PeerMentor registration is approved", mail.Subject);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Rejecting_keeps_the_reason_and_mails_it(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind);
        var person = await app.CreateAsync(role: null);

        await app.RunAsync(s => s.GetRequiredService<AccountAdminService>().RejectAsync(person.Id, "The spring cohort is full."));

        Assert.Equal("The spring cohort is full.", (await LoadAsync(app, person.Id)).RejectionReason);
        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(person.Email);
        Assert.Contains("The spring cohort is full.", mail.Text);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_refused_and_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var person = await app.CreateAsync(role: null);

        var result = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>().RejectAsync(person.Id, "  "));

        Assert.NotEmpty(result.For("Reason"));
        Assert.Equal(ApprovalStatus.Pending, (await LoadAsync(app, person.Id)).Approval);
    }

    [Fact]
    public async Task A_person_who_has_not_confirmed_their_email_cannot_be_approved()
    {
        await using var app = await AppFactory.CreateAsync();
        var person = await app.CreateAsync(role: null);
        await app.UnconfirmEmailAsync(person);

        var result = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>().ApproveAsync(person.Id, Roles.Student, Links));

        Assert.Contains("not confirmed", result.Summary);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Deleting_anonymises_the_person_keeps_the_row_and_removes_their_role(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind);
        var admin = await app.CreateAsync(Roles.Admin);
        var student = await app.CreateAsync(Roles.Student, "Greta Student");

        var result = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>().DeleteAsync(student.Id, admin.Id));

        Assert.True(result.Succeeded, result.Summary);
        var row = await LoadAsync(app, student.Id);
        Assert.Equal((AppUser.DeletedDisplayName, (string?)null), (row.DisplayName, row.PasswordHash));
        Assert.DoesNotContain(student.Email, row.Email, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await RolesOfAsync(app, student.Id));
    }

    [Fact]
    public async Task An_admin_cannot_delete_themselves()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.CreateAsync(Roles.Admin);

        var result = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>().DeleteAsync(admin.Id, admin.Id));

        Assert.False(result.Succeeded);
        Assert.False((await LoadAsync(app, admin.Id)).IsDeleted);
    }

    [Fact]
    public async Task Editing_a_profile_with_an_unknown_time_zone_is_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.CreateAsync(Roles.Admin);
        var mentor = await app.CreateAsync(Roles.Mentor);

        var result = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>()
            .UpdateAsync(mentor.Id, new UserProfileInput("New Name", "Nowhere/Land", 3, "", Roles.Mentor), admin.Id));

        Assert.NotEmpty(result.For("TimeZoneId"));
        Assert.Equal(mentor.Name, (await LoadAsync(app, mentor.Id)).DisplayName);
    }

    [Fact]
    public async Task Editing_a_persons_role_replaces_their_old_role()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.CreateAsync(Roles.Admin);
        var student = await app.CreateAsync(Roles.Student);

        await app.RunAsync(s => s.GetRequiredService<AccountAdminService>()
            .UpdateAsync(student.Id, new UserProfileInput("Now Mentor", "Asia/Kolkata", 4, "Python", Roles.Mentor), admin.Id));

        Assert.Equal([Roles.Mentor], await RolesOfAsync(app, student.Id));
    }
}
