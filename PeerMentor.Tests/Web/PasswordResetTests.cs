using System.Net;
using System.Text.RegularExpressions;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

public class PasswordResetTests
{
    private static async Task<string> RequestResetLinkAsync(AppFactory app, HttpClient client, TestUser user)
    {
        await client.SubmitAsync("/account/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = user.Email });
        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(user.Email, m => m.Subject.Contains("Reset", StringComparison.Ordinal));
        return new Uri(Regex.Match(mail.Text!, @"https?://\S+/account/reset-password\S+").Value).PathAndQuery;
    }

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string password) =>
        client.SubmitAsync(link, "reset", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    [Fact]
    public async Task A_reset_link_from_the_mail_sets_a_new_password_that_signs_in()
    {
        await using var app = await AppFactory.CreateAsync();
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var link = await RequestResetLinkAsync(app, client, student);

        var page = await (await ResetAsync(client, link, "copper violin harbour")).Content.ReadAsStringAsync();
        var signIn = await client.PostLoginAsync(student.Email, "copper violin harbour");

        Assert.Contains("Your password is changed", page);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_tampered_reset_link_is_refused_and_the_old_password_still_works()
    {
        await using var app = await AppFactory.CreateAsync();
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var link = await RequestResetLinkAsync(app, client, student);

        var page = await (await ResetAsync(client, link[..^4] + "AAAA", "copper violin harbour")).Content.ReadAsStringAsync();

        Assert.Contains("invalid or has expired", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(student.Email, student.Password)).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_works_only_once()
    {
        await using var app = await AppFactory.CreateAsync();
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var link = await RequestResetLinkAsync(app, client, student);
        await ResetAsync(client, link, "copper violin harbour");

        var second = await (await ResetAsync(client, link, "another fine passphrase")).Content.ReadAsStringAsync();

        Assert.Contains("invalid or has expired", second);
    }

    [Fact]
    public async Task Asking_for_a_reset_for_an_unknown_email_says_the_same_as_for_a_known_one()
    {
        await using var app = await AppFactory.CreateAsync();
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient();

        var known = await (await client.SubmitAsync("/account/forgot-password", "forgot",
            new Dictionary<string, string> { ["Input.Email"] = student.Email })).Content.ReadAsStringAsync();
        var unknown = await (await client.SubmitAsync("/account/forgot-password", "forgot",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.NewEmail() })).Content.ReadAsStringAsync();

        Assert.Contains("If an account with that email exists", known);
        Assert.Contains("If an account with that email exists", unknown);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_says_so_and_leaves_the_email_unconfirmed()
    {
        await using var app = await AppFactory.CreateAsync();
        var person = await app.CreateAsync(role: null);
        await app.UnconfirmEmailAsync(person);

        var page = await app.CreateClient().GetStringAsync($"/account/confirm-email?userId={person.Id}&code=Zm9yZ2Vk");

        Assert.Contains("invalid or has expired", page);
        Assert.Contains("Please confirm your email first",
            await (await app.CreateClient().PostLoginAsync(person.Email, person.Password)).Content.ReadAsStringAsync());
    }
}
