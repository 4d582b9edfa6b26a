using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Accounts;

public sealed class RegistrationInput
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string TimeZoneId { get; set; } = "";
    public string Role { get; set; } = Roles.Student;
    public int YearsOfExperience { get; set; }
    public string Expertise { get; set; } = "";
    /// <summary>The program to join, if any; the admin places the person in it on approval.</summary>
    public Guid? ProgramId { get; set; }
}

public sealed record OpenProgram(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn);

public sealed class RegistrationService(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const int MaxExperienceYears = 60;

    /// <summary>
    /// Creates the account and queues the confirmation mail in one transaction: the outbox keeps retrying it
    /// while the mail server is down, so the mail is never lost. An email that already has an account gets the same
    /// answer, after the same work, as a new one (so the form tells nobody who is registered); its owner is mailed instead.
    /// </summary>
    public async Task<Result> RegisterAsync(RegistrationInput input, AccountLinks links, CancellationToken cancellationToken = default)
    {
        var result = Validate(input);
        if (input.ProgramId is { } programId && !(await OpenProgramsAsync(cancellationToken)).Any(p => p.Id == programId))
            result.Add(nameof(input.ProgramId), "That program is closed or does not exist; choose one from the list.");
        if (!result.Succeeded) return result;

        var user = AppUser.Register(input.Email.Trim(), input.DisplayName, input.TimeZoneId, input.Role,
            input.YearsOfExperience, input.Expertise, clock.GetUtcNow().UtcDateTime);
        user.RequestProgram(input.ProgramId);
        var password = await ValidatePasswordAsync(user, input.Password);
        if (!password.Succeeded) return ToResult(password);

        if (await users.FindByEmailAsync(user.Email!) is { } owner)
        {
            users.PasswordHasher.HashPassword(user, input.Password);
            await QueueAsync(AccountEmails.RegistrationAttempt(owner, links.SignIn(), links.ForgotPassword()), owner.Id, cancellationToken);
            return Result.Ok();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded) return ToResult(created);

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await QueueAsync(AccountEmails.ConfirmEmail(user, links.ConfirmEmail(user.Id, token)), user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>Identity's password rules (length, common passwords, the person's own name), checked before anything else.</summary>
    private async Task<IdentityResult> ValidatePasswordAsync(AppUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password);
            if (!checkedPassword.Succeeded) return checkedPassword;
        }
        return IdentityResult.Success;
    }

    /// <summary>Programs people can register into: those that have not ended.</summary>
    public async Task<IReadOnlyList<OpenProgram>> OpenProgramsAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.Programs.AsNoTracking().Where(p => p.EndsOn >= today).OrderBy(p => p.StartsOn).ThenBy(p => p.Name)
            .Select(p => new OpenProgram(p.Id, p.Name, p.StartsOn, p.EndsOn)).ToListAsync(cancellationToken);
    }

    public async Task ResendConfirmationAsync(string email, AccountLinks links, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        // Say nothing either way, so this cannot be used to find out who has an account.
        if (user is null || user.IsDeleted || user.EmailConfirmed) return;
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await QueueAsync(AccountEmails.ConfirmEmail(user, links.ConfirmEmail(user.Id, token)), user.Id, cancellationToken);
    }

    public async Task SendPasswordResetAsync(string email, AccountLinks links, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDeleted || !user.EmailConfirmed) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await QueueAsync(AccountEmails.ResetPassword(user, links.ResetPassword(user.Email!, token)), user.Id, cancellationToken);
    }

    /// <summary>Account mail goes through the outbox too (it cannot be turned off), so a down mail server never loses it.</summary>
    private async Task QueueAsync(MailMessage message, string userId, CancellationToken cancellationToken)
    {
        db.Outbox.Add(OutboxMessage.Mail(message, clock.GetUtcNow().UtcDateTime, NotificationTopic.AccountSecurity, userId));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static Result Validate(RegistrationInput input)
    {
        var result = Result.Ok();
        if (!IsEmail(input.Email)) result.Add(nameof(input.Email), "Enter a valid email address, like name@example.com.");
        if (string.IsNullOrWhiteSpace(input.DisplayName)) result.Add(nameof(input.DisplayName), "Enter your name.");
        else if (input.DisplayName.Trim().Length > 100) result.Add(nameof(input.DisplayName), "Use at most 100 characters.");
        if (!TimeZones.IsValidIana(input.TimeZoneId))
            result.Add(nameof(input.TimeZoneId), "Choose a time zone from the list, such as Europe/Berlin.");
        if (!Roles.Registerable.Contains(input.Role))
            result.Add(nameof(input.Role), "Register as a student or a mentor.");
        if (input.YearsOfExperience is < 0 or > MaxExperienceYears)
            result.Add(nameof(input.YearsOfExperience), $"Enter a number of years from 0 to {MaxExperienceYears}.");
        if (input.Role == Roles.Mentor && string.IsNullOrWhiteSpace(input.Expertise))
            result.Add(nameof(input.Expertise), "Mentors list their expertise, for example \"C#, system design\".");
        if (input.Expertise.Length > 500) result.Add(nameof(input.Expertise), "Use at most 500 characters.");
        if (input.Password.Length < 12) result.Add(nameof(input.Password), "Use at least 12 characters.");
        return result;
    }

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= 254
        && new EmailAddressAttribute().IsValid(value.Trim())
        && value.Trim().Split('@') is [{ Length: > 0 }, var domain] && domain.Contains('.', StringComparison.Ordinal);

    /// <summary>Maps Identity's error codes onto the form fields they concern.</summary>
    public static Result ToResult(IdentityResult identity)
    {
        var result = Result.Ok();
        foreach (var error in identity.Errors)
        {
            var (field, message) = error.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" => ("Email", "An account with this email already exists. Sign in, or reset your password."),
                "InvalidEmail" or "InvalidUserName" => ("Email", "Enter a valid email address, like name@example.com."),
                var code when code.StartsWith("Password", StringComparison.Ordinal) => ("Password", error.Description),
                _ => ("", error.Description),
            };
            if (!result.For(field).Contains(message)) result.Add(field, message);
        }
        return result;
    }
}
