using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Api;
using Login = PeerMentor.Web.Components.Account.Login;

namespace PeerMentor.Tests.Web.Api;

public class TokenApiTests
{
    private static Task<HttpResponseMessage> AskForTokenAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    [Fact]
    public async Task A_pending_account_gets_no_token_but_what_the_sign_in_page_tells_it()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var pending = await app.CreateAsync(role: null);

        var response = await AskForTokenAsync(app.CreateClient(), pending.Email, pending.Password);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AccountEndpoints.WaitingForApproval, (await ApiClient.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unconfirmed_email_is_asked_to_confirm_only_with_the_right_password()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var person = await app.CreateAsync(Roles.Student);
        await app.UnconfirmEmailAsync(person);
        var client = app.CreateClient();

        var right = await AskForTokenAsync(client, person.Email, person.Password);
        var wrong = await AskForTokenAsync(client, person.Email, "not the password at all");

        Assert.Equal(AccountEndpoints.ConfirmEmailFirst, (await ApiClient.ProblemAsync(right)).GetProperty("detail").GetString());
        Assert.Equal(Login.FailureMessage, (await ApiClient.ProblemAsync(wrong)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_email_takes_as_long_as_a_known_one_with_a_wrong_password()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var student = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient();
        await AskForTokenAsync(client, TestUsers.NewEmail(), "warm up the hasher");

        // The fastest of four of each (a fifth wrong password would lock the account): parallel tests only ever add
        // time. Before the shared check an unknown email answered in ~2% of a known one's time; these bounds catch that.
        var known = TimeSpan.MaxValue;
        var unknown = TimeSpan.MaxValue;
        for (var i = 0; i < 4; i++)
        {
            known = Min(known, await TimeAsync(() => AskForTokenAsync(client, student.Email, $"wrong password {i}")));
            unknown = Min(unknown, await TimeAsync(() => AskForTokenAsync(client, TestUsers.NewEmail(), $"wrong password {i}")));
        }

        Assert.InRange(unknown.TotalMilliseconds, known.TotalMilliseconds * 0.4, known.TotalMilliseconds * 2.5);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task<TimeSpan> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, (await call()).StatusCode);
        return watch.Elapsed;
    }
}
