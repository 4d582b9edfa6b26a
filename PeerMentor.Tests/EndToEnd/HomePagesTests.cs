using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

/// <summary>Each demo person signs in and finds, on their home, what to do now.</summary>
public class HomePagesTests
{
    [Fact]
    public async Task The_demo_student_mentor_and_admin_each_see_the_sections_of_their_home()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        await app.RunAsync(async s =>
        {
            await DemoData.SeedAsync(s.GetRequiredService<AppDbContext>(), s.GetRequiredService<IPasswordHasher<AppUser>>(), TimeProvider.System);
            await DemoProgram.SeedAsync(s, TimeProvider.System);
        });
        var homes = new (string Email, string[] Sections)[]
        {
            ("student1@peermentor.local", ["Next sessions", "Open requests", "Assignments", "Latest review"]),
            ("mentor1@peermentor.local", ["Requests to answer", "Today's sessions", "Reviews due this week", "Hand-ins to grade"]),
            ("admin@peermentor.local", ["Registrations", "Failed deliveries", "Programs"]),
        };

        foreach (var (email, sections) in homes)
        {
            await using var context = await Browser.NewContextAsync(baseUrl);
            var page = await context.NewPageAsync();
            await page.SignInAsync(email, DemoData.Password);

            foreach (var section in sections)
                await Expect(page.GetByRole(AriaRole.Region, new() { Name = section, Exact = true })).ToBeVisibleAsync();
        }
    }
}
