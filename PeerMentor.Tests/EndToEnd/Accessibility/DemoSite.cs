using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.EndToEnd.Accessibility;

/// <summary>
/// The app with the README's demo data (which has sessions, requests and hand-ins) plus a registration waiting for
/// approval and a mail, so every page has something to show. One signed-in browser context per role for the whole collection: signing in is slow on purpose.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    public const string Anonymous = "anonymous";

    private readonly Dictionary<string, IBrowserContext> contexts = [];
    private AppFactory? app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Values for the placeholders in page paths: {mentor}, {student}, {program}, {event}, {session}, {mail}.</summary>
    public IReadOnlyDictionary<string, string> Ids { get; private set; } = new Dictionary<string, string>();

    /// <summary>Who signs in for each role: the admin, mentor1, and a student of mentor1's group.</summary>
    public IReadOnlyDictionary<string, string> Emails { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        // Opening pages at this pace is one person with many tabs; the default limit would close the older ones.
        app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?> { ["Auth:MaxPagesPerPerson"] = "1000" });
        BaseUrl = app.StartKestrel();
        Ids = await app.RunAsync(SeedAsync);
    }

    private async Task<IReadOnlyDictionary<string, string>> SeedAsync(IServiceProvider s)
    {
        var db = s.GetRequiredService<AppDbContext>();
        await DemoData.SeedAsync(db, s.GetRequiredService<IPasswordHasher<AppUser>>(), TimeProvider.System);
        await DemoProgram.SeedAsync(s, TimeProvider.System);
        var mentor = await db.Users.AsNoTracking().Where(u => u.Email == "mentor1@peermentor.local").Select(u => u.Id).SingleAsync();
        var program = await db.Programs.AsNoTracking().Select(p => p.Id).SingleAsync();
        var masterclass = await db.Set<ProgramEvent>().AsNoTracking().Select(e => e.Id).FirstAsync();

        // The demo gives mentor1's first student a booked session (and a past one); that student signs in. Sessions
        // are not added here, so the pages (and the README screenshots taken from them) show the demo as it is.
        var now = DateTime.UtcNow;
        var booked = await db.Sessions.AsNoTracking().Where(x => x.MentorId == mentor && x.Status == SessionStatus.Accepted && x.StartUtc > now)
            .Select(x => new { x.Id, x.StudentId }).SingleAsync();
        var mentee = booked.StudentId;
        Emails = new Dictionary<string, string>
        {
            [Roles.Student] = await db.Users.AsNoTracking().Where(u => u.Id == mentee).Select(u => u.Email!).SingleAsync(),
            [Roles.Mentor] = "mentor1@peermentor.local",
            [Roles.Admin] = "admin@peermentor.local",
        };

        // A registration waiting for approval, and a mail in the viewer.
        var newcomer = AppUser.Register("newcomer@example.com", "Nia Newcomer", "Europe/Paris", Roles.Student, 1, "", DateTime.UtcNow);
        newcomer.EmailConfirmed = true;
        await s.GetRequiredService<UserManager<AppUser>>().CreateAsync(newcomer, TestUsers.Password);
        var mail = SentMail.From(new MailMessage(Emails[Roles.Student], "Your session was accepted",
            "See you then.", "<p>See you then. A long link: https://meet.example/a-very-long-room-name-that-should-wrap-on-phones</p>"), DateTime.UtcNow);
        db.SentMails.Add(mail);
        await db.SaveChangesAsync();

        return new Dictionary<string, string>
        {
            ["mentor"] = mentor, ["student"] = mentee, ["program"] = program.ToString(), ["event"] = masterclass.ToString(),
            ["session"] = booked.Id.ToString(), ["mail"] = mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The role's browser context, signed in on first use; <see cref="Anonymous"/> is never signed in.</summary>
    public async Task<IBrowserContext> ContextAsync(string role)
    {
        if (contexts.TryGetValue(role, out var context)) return context;
        context = await Browser.NewContextAsync(BaseUrl);
        if (role != Anonymous)
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync(Emails[role], DemoData.Password);
            await page.CloseAsync();
        }
        return contexts[role] = context;
    }

    /// <summary>Chooses the theme as the header's toggle does: the cookie the server reads for the first paint.</summary>
    public async Task UseThemeAsync(IBrowserContext context, ColorScheme theme) =>
        await context.AddCookiesAsync([new Cookie
        {
            Name = "pm-theme", Value = theme == ColorScheme.Dark ? "Dark" : "Light", Url = BaseUrl,
        }]);

    public string Resolve(string path) =>
        Ids.Aggregate(path, (p, id) => p.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

    public async Task DisposeAsync()
    {
        foreach (var context in contexts.Values) await context.DisposeAsync();
        if (app is not null) await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "Demo site";
}
