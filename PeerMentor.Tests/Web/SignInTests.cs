using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Auth;
using Login = PeerMentor.Web.Components.Account.Login;

namespace PeerMentor.Tests.Web;

public class SignInTests
{
    private static string Encoded(string text) => System.Net.WebUtility.HtmlEncode(text);

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_message()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient();

        var wrongPassword = await (await client.PostLoginAsync(student.Email, "not the password at all")).Content.ReadAsStringAsync();
        var unknownEmail = await (await client.PostLoginAsync(TestUsers.NewEmail(), "not the password at all")).Content.ReadAsStringAsync();

        Assert.Contains(Encoded(Login.FailureMessage), wrongPassword);
        Assert.Contains(Encoded(Login.FailureMessage), unknownEmail);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_fails()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++) await client.PostLoginAsync(student.Email, $"wrong password {i}");

        var response = await client.PostLoginAsync(student.Email, student.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Encoded(Login.FailureMessage), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_right_password_signs_in_and_goes_to_the_return_url_on_this_site_only()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.SubmitAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = student.Email,
            ["Input.Password"] = student.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(client.BaseAddress, new Uri(client.BaseAddress!, response.Headers.Location!));
    }

    [Fact]
    public async Task An_unconfirmed_email_is_asked_to_confirm_first()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var person = await app.CreateAsync(role: null);
        await app.UnconfirmEmailAsync(person);

        var page = await (await app.CreateClient().PostLoginAsync(person.Email, person.Password)).Content.ReadAsStringAsync();

        Assert.Contains("Please confirm your email first", page);
    }

    [Fact]
    public async Task An_unconfirmed_email_with_a_wrong_password_gets_the_usual_failure()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var person = await app.CreateAsync(role: null);
        await app.UnconfirmEmailAsync(person);

        var page = await (await app.CreateClient().PostLoginAsync(person.Email, "not the password at all")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Please confirm your email first", page);
        Assert.Contains(Encoded(Login.FailureMessage), page);
    }

    [Fact]
    public async Task Registering_with_a_taken_email_looks_like_registering_a_new_one()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Task<HttpResponseMessage> RegisterAsync(string email) => client.SubmitAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Someone Else", ["Input.Password"] = "orange kettle harbour",
            ["Input.Role"] = Roles.Student, ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.YearsOfExperience"] = "1", ["Input.Expertise"] = "Testing",
        });

        var taken = await RegisterAsync(student.Email);
        var fresh = await RegisterAsync(TestUsers.NewEmail());

        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.StartsWith("/account/registered?email=", new Uri(client.BaseAddress!, taken.Headers.Location!).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hash_made_with_fewer_iterations_is_upgraded_at_the_next_sign_in()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var student = await app.CreateAsync(Roles.Student);
        var weakHasher = new PasswordHasher<AppUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await app.RunAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(student.Id))!;
            user.PasswordHash = weakHasher.HashPassword(user, student.Password);
            await users.UpdateAsync(user);
        });
        Assert.Equal(100_000, await IterationsAsync(app, student.Id));

        await app.SignedInClientAsync(student);

        Assert.Equal(AuthSetup.PasswordHashIterations, await IterationsAsync(app, student.Id));
    }

    /// <summary>Identity v3 hash layout: format byte, PRF (uint32), iteration count (uint32, big-endian), ...</summary>
    private static Task<int> IterationsAsync(AppFactory app, string id) => app.RunAsync(async s =>
    {
        var user = (await s.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
        var bytes = Convert.FromBase64String(user.PasswordHash!);
        return (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
    });
}
