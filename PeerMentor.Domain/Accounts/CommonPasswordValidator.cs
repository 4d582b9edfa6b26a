using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace PeerMentor.Domain.Accounts;

/// <summary>
/// ASVS 5.0 L2 password rules beyond length: no composition rules, but refuse passwords that are
/// common, a common word dressed up with digits or symbols, or built from the person's own name or email.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Blocklist = new(LoadBlocklist);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var error = Check(password ?? "", user.Email, user.DisplayName);
        return Task.FromResult(error is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = error }));
    }

    public static string? Check(string password, string? email, string? displayName)
    {
        if (password.Length > MaximumLength)
            return $"Use at most {MaximumLength} characters.";

        var lower = password.ToLowerInvariant();
        var core = lower.Trim(" 0123456789!@#$%^&*()_+-=.,?~".ToCharArray());
        if (Blocklist.Value.Contains(lower) || (core.Length > 0 && Blocklist.Value.Contains(core)) || core.Length == 0)
            return "This password is too common. Try a few unrelated words together.";
        if (lower.Distinct().Count() <= 2)
            return "This password repeats too few characters. Try a few unrelated words together.";

        foreach (var part in PersonalWords(email, displayName))
        {
            if (lower.Contains(part, StringComparison.Ordinal))
                return "Don't use your name or email address in your password.";
        }
        return null;
    }

    private static IEnumerable<string> PersonalWords(string? email, string? displayName)
    {
        var local = email?.Split('@')[0].ToLowerInvariant();
        if (local is { Length: >= 4 }) yield return local;
        foreach (var word in (displayName ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 4) yield return word;
        }
    }

    private static HashSet<string> LoadBlocklist()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("PeerMentor.Domain.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#')) words.Add(line.Trim());
        }
        return words;
    }
}
