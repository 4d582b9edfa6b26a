using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Jobs;

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
    public async Task A_registration_with_a_taken_email_answers_like_a_new_one_and_mails_the_owner_instead(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind, smtp: false);
        var email = TestUsers.NewEmail();
        await RegisterAsync(app, Valid(email));

        var second = await RegisterAsync(app, Valid(email.ToUpperInvariant()));

        Assert.True(second.Succeeded, second.Summary);
        Assert.Equal(1, await CountUsersAsync(app, email));
        var mails = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking()
            .Where(m => m.Recipient == email).OrderBy(m => m.Id).Select(m => new { m.Subject, m.TextBody, m.Topic }).ToListAsync());
        Assert.Equal(2, mails.Count);
        Assert.Equal("Someone tried to register with your PeerMentor address", mails[1].Subject);
        Assert.Contains("http://peermentor.test/account/forgot-password", mails[1].TextBody, StringComparison.Ordinal);
        Assert.Contains("http://peermentor.test/account/login", mails[1].TextBody, StringComparison.Ordinal);
        Assert.Equal(NotificationTopic.AccountSecurity, mails[1].Topic);
    }

    [Fact]
    public async Task A_weak_password_is_refused_the_same_way_whether_the_email_is_taken_or_not()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseKind.Sqlite, smtp: false);
        var taken = TestUsers.NewEmail();
        await RegisterAsync(app, Valid(taken));

        var weakOnTaken = Valid(taken);
        weakOnTaken.Password = "password1234";
        var weakOnNew = Valid(TestUsers.NewEmail());
        weakOnNew.Password = "password1234";

        Assert.NotEmpty((await RegisterAsync(app, weakOnNew)).For("Password"));
        Assert.Equal((await RegisterAsync(app, weakOnNew)).For("Password"), (await RegisterAsync(app, weakOnTaken)).For("Password"));
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
    public async Task When_the_mail_server_is_down_the_registration_is_kept_and_its_confirmation_waits_in_the_outbox(DatabaseKind kind)
    {
        var closedPort = ExternalProcess.FreePort();
        await using var app = new AppFactory(await TestDatabase.CreateAsync(kind), smtp: null, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false", ["Email:Smtp:TimeoutSeconds"] = "5", ["Notifications:Dispatcher:PollSeconds"] = "3600", ["Notifications:Dispatcher:WakeOnCommit"] = "false",
        });
        var email = TestUsers.NewEmail();

        var result = await RegisterAsync(app, Valid(email));
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync();

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal(1, await CountUsersAsync(app, email));
        var queued = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Recipient == email));
        Assert.Equal((DeliveryStatus.Queued, 1, NotificationTopic.AccountSecurity), (queued.Status, queued.Attempts, queued.Topic));
    }

    [Fact]
    public async Task The_confirmation_mail_goes_through_the_outbox_and_is_recorded_as_sent()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseKind.Sqlite);
        var email = TestUsers.NewEmail();

        await RegisterAsync(app, Valid(email));
        await (await SmtpSink.InstanceAsync()).WaitForMailAsync(email);

        var message = await WaitForAsync(() => app.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Recipient == email && m.Status == DeliveryStatus.Sent)));
        Assert.Equal(NotificationTopic.AccountSecurity, message.Topic);
    }

    [Fact]
    public async Task Without_smtp_the_confirmation_mail_is_kept_for_the_mail_viewer()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseKind.Sqlite, smtp: false);
        var email = TestUsers.NewEmail();

        await RegisterAsync(app, Valid(email));

        var kept = await WaitForAsync(() => app.RunAsync(s => s.GetRequiredService<AppDbContext>().SentMails.SingleOrDefaultAsync()));
        Assert.Equal((email, "Confirm your email for PeerMentor"), (kept.To, kept.Subject));
    }

    /// <summary>Account mail is sent by the outbox dispatcher, which polls every two seconds.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await read() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The outbox did not deliver in time.");
            await Task.Delay(100);
        }
    }
}
