using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Tests.Infrastructure;

public sealed record TestUser(string Id, string Email, string Password, string Name);

public static class TestUsers
{
    public const string Password = "violet stapler journey";

    public static string NewEmail(string prefix = "person") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    /// <summary>A person with a confirmed email; approved into <paramref name="role"/> unless it is null.</summary>
    public static Task<TestUser> CreateAsync(this AppFactory app, string? role, string? name = null) => app.RunAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var email = NewEmail((role ?? "pending").ToLowerInvariant());
        var user = AppUser.Register(email, name ?? $"Test {role ?? "Pending"}", "Europe/Berlin", role ?? Roles.Student, 3,
            role == Roles.Mentor ? "Testing" : "", DateTime.UtcNow);
        user.EmailConfirmed = true;
        Check(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            user.Approve(DateTime.UtcNow);
            Check(await users.UpdateAsync(user));
            Check(await users.AddToRoleAsync(user, role));
        }
        return new TestUser(user.Id, email, Password, user.DisplayName);
    });

    public static Task UnconfirmEmailAsync(this AppFactory app, TestUser person) => app.RunAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(person.Id))!;
        user.EmailConfirmed = false;
        Check(await users.UpdateAsync(user));
    });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
