using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

public class PhoneRemovalTests
{
    [Fact]
    public async Task Removing_the_verified_phone_on_the_phone_page_forgets_it_and_keeps_the_person_signed_in()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var person = await app.CreateAsync(Roles.Student);
        await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == person.Id);
            (user.PhoneNumber, user.PhoneNumberConfirmed) = ("+4915123456789", true);
            await db.SaveChangesAsync();
        });
        var client = await app.SignedInClientAsync(person);

        var page = await (await client.SubmitAsync("/account/phone", "phone-remove", new Dictionary<string, string> { ["Remove.Confirm"] = "yes" }))
            .Content.ReadAsStringAsync();
        var phone = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == person.Id).Select(u => u.PhoneNumber).SingleAsync());

        Assert.Contains("Your phone is removed", page);
        Assert.Null(phone);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/account/notifications")).StatusCode);
    }
}
