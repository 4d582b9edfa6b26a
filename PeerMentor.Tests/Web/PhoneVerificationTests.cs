using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

public class PhoneVerificationTests
{
    private const string Number = "+4915123456789";

    private static async Task<(AppFactory App, HttpClient Client, TestUser Person, string Code, string Page)> SendCodeAsync(FakeSmsGateway gateway, string typed = "+49 151 2345 6789")
    {
        var app = await AppFactory.CreateAsync(smtp: false, extra: gateway.Settings);
        var person = await app.CreateAsync(Roles.Student);
        var client = await app.SignedInClientAsync(person);
        var page = await (await client.SubmitAsync("/account/phone", "phone-send", new Dictionary<string, string> { ["Send.Phone"] = typed })).Content.ReadAsStringAsync();
        var text = gateway.To(Number).LastOrDefault()?.Form["Body"] ?? "";
        return (app, client, person, Regex.Match(text, @"\b\d{6}\b").Value, page);
    }

    private static async Task<string> VerifyAsync(HttpClient client, string code) =>
        await (await client.SubmitAsync("/account/phone", "phone-verify", new Dictionary<string, string>
        {
            ["Verify.Phone"] = Number,
            ["Verify.Code"] = code,
        })).Content.ReadAsStringAsync();

    private static Task<(string? Phone, bool Confirmed)> PhoneOfAsync(AppFactory app, TestUser person) => app.RunAsync(async s =>
    {
        var user = await s.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == person.Id);
        return (user.PhoneNumber, user.PhoneNumberConfirmed);
    });

    [Fact]
    public async Task A_six_digit_code_is_texted_to_the_number_in_e164_form()
    {
        await using var gateway = new FakeSmsGateway();
        var (app, _, _, code, _) = await SendCodeAsync(gateway);
        await using var _ = app;

        Assert.Matches(@"^\d{6}$", code);
    }

    [Fact]
    public async Task The_right_code_verifies_the_number()
    {
        await using var gateway = new FakeSmsGateway();
        var (app, client, person, code, _) = await SendCodeAsync(gateway);
        await using var _ = app;

        var page = await VerifyAsync(client, code);

        Assert.Contains("Your number is verified", page);
        Assert.Equal((Number, true), await PhoneOfAsync(app, person));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_with_a_clear_message_and_the_number_stays_unverified()
    {
        await using var gateway = new FakeSmsGateway();
        var (app, client, person, code, _) = await SendCodeAsync(gateway);
        await using var _ = app;
        var wrong = string.Concat(code.Select(c => (char)('0' + (c - '0' + 1) % 10)));

        var page = await VerifyAsync(client, wrong);

        Assert.Contains(System.Net.WebUtility.HtmlEncode(PeerMentor.Web.Components.Account.Phone.WrongCode), page);
        Assert.False((await PhoneOfAsync(app, person)).Confirmed);
    }

    [Fact]
    public async Task A_number_not_in_international_form_is_refused_and_nothing_is_texted()
    {
        await using var gateway = new FakeSmsGateway();
        var (app, _, _, _, page) = await SendCodeAsync(gateway, typed: "0151 2345678");
        await using var _ = app;

        Assert.Contains("Enter the number in international form", page);
        Assert.Empty(gateway.Requests);
    }
}
