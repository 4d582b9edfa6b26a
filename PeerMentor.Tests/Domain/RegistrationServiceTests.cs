using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain;

public class RegistrationServiceTests
{
    private static readonly AccountLinks Links = new(new Uri("http://peermentor.test/"));

    private static RegistrationInput Valid(string email) => new()
    {
        Email = email, Password = TestUsers.Password, DisplayName = "Rosa Parks", TimeZoneId = "America/Chicago",
        Role = Roles.Mentor, YearsOfExperience = 8, Expertise = "Civic tech",
    };

    private static Task<Result> RegisterAsync(AppFactory app, RegistrationInput input) =>
        app.RunAsync(s => s.GetRequiredService<RegistrationService>().RegisterAsync(input, Links));

    private static Task<int> CountUsersAsync(AppFactory app, string email) =>
        app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_registration_is_stored_pending_and_mails_a_confirmation_link(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind);
        var email = TestUsers.NewEmail();

        var result = await RegisterAsync(app, Valid(email));

        Assert.True(result.Succeeded, result.Summary);
        var user = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == email));
        Assert.Equal((ApprovalStatus.Pending, false, Roles.Mentor, "America/Chicago"), (user.Approval, user.EmailConfirmed, user.RequestedRole, user.TimeZoneId));
        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(email);
        Assert.Contains($"http://peermentor.test/account/confirm-email?userId={user.Id}&code=", mail.Text);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_second_registration_with_the_same_email_in_other_case_is_refused(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind);
        var email = TestUsers.NewEmail();
        await RegisterAsync(app, Valid(email));

        var second = await RegisterAsync(app, Valid(email.ToUpperInvariant()));

        Assert.Contains("already exists", Assert.Single(second.For("Email")));
        Assert.Equal(1, await CountUsersAsync(app, email));
    }

    [Theory]
    [InlineData("Email", "not-an-email")]
    [InlineData("TimeZoneId", "Mars/Olympus_Mons")]
    [InlineData("Password", "password1234")]
    [InlineData("Password", "short")]
    [InlineData("Role", "Admin")]
    [InlineData("Expertise", "")]
    public async Task Bad_input_is_refused_on_its_field_and_nothing_is_stored(string field, string value)
    {
        await using var app = await AppFactory.CreateAsync(DatabaseKind.Sqlite);
        var email = TestUsers.NewEmail();
        var input = Valid(email);
        typeof(RegistrationInput).GetProperty(field)!.SetValue(input, value);

        var result = await RegisterAsync(app, input);

        Assert.NotEmpty(result.For(field));
        Assert.Equal(0, await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task When_the_mail_server_is_down_the_registration_is_rolled_back(DatabaseKind kind)
    {
        var closedPort = ExternalProcess.FreePort();
        await using var app = new AppFactory(await TestDatabase.CreateAsync(kind), smtp: null, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false", ["Email:Smtp:TimeoutSeconds"] = "5",
        });
        var email = TestUsers.NewEmail();

        var result = await RegisterAsync(app, Valid(email));

        Assert.Contains("nothing was saved", result.Summary);
        Assert.Equal(0, await CountUsersAsync(app, email));
    }

    [Fact]
    public async Task Without_smtp_the_confirmation_mail_is_kept_for_the_mail_viewer()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseKind.Sqlite, smtp: false);
        var email = TestUsers.NewEmail();

        await RegisterAsync(app, Valid(email));

        var kept = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().SentMails.SingleAsync());
        Assert.Equal((email, "Confirm your email for PeerMentor"), (kept.To, kept.Subject));
    }
}
