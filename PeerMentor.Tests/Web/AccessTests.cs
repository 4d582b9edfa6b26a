using System.Net;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

public class AccessTests
{
    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/registrations")]
    [InlineData("/admin/mail")]
    [InlineData("/admin/deliveries")]
    [InlineData("/admin/sessions")]
    [InlineData("/sessions")]
    [InlineData("/calendar")]
    [InlineData("/mentor/availability")]
    [InlineData("/account/change-password")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);

        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Student, "/admin/users")]
    [InlineData(Roles.Mentor, "/admin/registrations")]
    [InlineData(Roles.Student, "/admin/mail/1")]
    [InlineData(Roles.Student, "/admin/deliveries")]
    [InlineData(Roles.Mentor, "/admin/programs")]
    [InlineData(Roles.Mentor, "/admin/reviews")]
    [InlineData(Roles.Student, "/mentor/reviews")]
    [InlineData(Roles.Student, "/mentor/events")]
    [InlineData(Roles.Mentor, "/reviews")]
    [InlineData(Roles.Mentor, "/admin/sessions")]
    [InlineData(Roles.Student, "/mentor/availability")]
    [InlineData(Roles.Mentor, "/mentors")]
    [InlineData(Roles.Admin, "/sessions")]
    [InlineData(null, "/calendar")]
    [InlineData(null, "/admin/users")]
    public async Task People_without_the_pages_role_get_a_403_page(string? role, string path)
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var client = await app.SignedInClientAsync(await app.CreateAsync(role));

        var denied = await client.GetAsync(path);
        var page = await client.GetAsync(denied.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("You can't open this page", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_admin_opens_the_admin_pages()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var client = await app.SignedInClientAsync(await app.CreateAsync(Roles.Admin));

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_person_awaiting_approval_is_shown_the_waiting_page_instead_of_home()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var client = await app.SignedInClientAsync(await app.CreateAsync(role: null));

        var home = await client.GetAsync("/");
        var waiting = await client.GetStringAsync(home.Headers.Location);

        Assert.Equal("/account/pending", new Uri(client.BaseAddress!, home.Headers.Location!).AbsolutePath);
        Assert.Contains("waiting for approval", waiting);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_404()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);

        var response = await app.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We can't find that page", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
