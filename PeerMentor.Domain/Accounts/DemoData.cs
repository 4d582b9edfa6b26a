using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Accounts;

public sealed record DemoLogin(string Email, string Role, string Name);

/// <summary>Roles always; and on an empty development database, a small cohort to click through.</summary>
public static class DemoData
{
    public const string Password = "PeerMentor-demo-2026";

    private static readonly (string Name, string Zone, int Years, string Expertise)[] Mentors =
    [
        ("Amara Okafor", "Africa/Lagos", 12, "C#, system design, career growth"),
        ("Jonas Becker", "Europe/Berlin", 7, "Data engineering, SQL, Python"),
        ("Priya Raman", "Asia/Kolkata", 5, "Frontend, accessibility, design systems"),
    ];

    private static readonly string[] StudentNames =
    [
        "Liam Chen", "Sofia Rossi", "Noah Kim", "Mia Novak", "Lucas Silva", "Zara Ahmed",
        "Ethan Brown", "Aisha Bello", "Mateo Garcia", "Hana Sato", "Oliver Smith", "Ines Costa",
    ];

    private static readonly string[] StudentZones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kathmandu"];

    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("admin@peermentor.local", Roles.Admin, "Ada Admin"),
        .. Mentors.Select((m, i) => new DemoLogin($"mentor{i + 1}@peermentor.local", Roles.Mentor, m.Name)),
        .. StudentNames.Select((name, i) => new DemoLogin($"student{i + 1}@peermentor.local", Roles.Student, name)),
    ];

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    /// <summary>Seeds <see cref="Logins"/> into a database with no people yet; returns whether it did.</summary>
    public static async Task<bool> SeedAsync(AppDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock)
    {
        if (await db.Users.AnyAsync()) return false;

        var now = clock.GetUtcNow().UtcDateTime;
        var people = new List<(AppUser User, string Role)>
        {
            (AppUser.Register(Logins[0].Email, Logins[0].Name, "Europe/London", Roles.Admin, 10, "Program operations", now), Roles.Admin),
        };
        people.AddRange(Mentors.Select((m, i) =>
            (AppUser.Register(Logins[1 + i].Email, m.Name, m.Zone, Roles.Mentor, m.Years, m.Expertise, now), Roles.Mentor)));
        people.AddRange(StudentNames.Select((name, i) =>
            (AppUser.Register(Logins[1 + Mentors.Length + i].Email, name, StudentZones[i % StudentZones.Length], Roles.Student, i % 5, "", now), Roles.Student)));

        // One hash for all demo people: hashing is deliberately slow, and they share one demo password.
        var hash = hasher.HashPassword(people[0].User, Password);
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        foreach (var (user, role) in people)
        {
            user.NormalizedEmail = user.Email!.ToUpperInvariant();
            user.NormalizedUserName = user.UserName!.ToUpperInvariant();
            user.EmailConfirmed = true;
            user.LockoutEnabled = true;
            user.PasswordHash = hash;
            user.SecurityStamp = Guid.NewGuid().ToString();
            user.Approve(now);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
        }
        // Mentors start with weekday hours in their own zones, so students can book right away.
        foreach (var (mentor, _) in people.Where(p => p.Role == Roles.Mentor))
        {
            var availability = MentorAvailability.For(mentor.Id);
            availability.Update(new AvailabilitySettings([30, 60], 0, 10, 12 * 60, 30, false, "https://meet.example/" + mentor.Id[..8]));
            availability.ReplaceWeekly([.. Enumerable.Range(1, 5).SelectMany(d => new[] { ((DayOfWeek)d, 9 * 60, 12 * 60), ((DayOfWeek)d, 13 * 60, 17 * 60) })]);
            db.Availabilities.Add(availability);
        }
        await db.SaveChangesAsync();
        return true;
    }
}
