using Microsoft.AspNetCore.Identity;

namespace PeerMentor.Domain.Accounts;

public enum ApprovalStatus { Pending, Approved, Rejected }

public enum ThemePreference { System, Light, Dark }

/// <summary>A person with an account. Roles live in Identity's role tables; approval state lives here.</summary>
public class AppUser : IdentityUser
{
    public const string DeletedDisplayName = "Deleted user";

    public string DisplayName { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "UTC";
    public string RequestedRole { get; private set; } = Roles.Student;
    /// <summary>The program the person asked to join when registering; the admin places them on approval.</summary>
    public Guid? RequestedProgramId { get; private set; }
    public int YearsOfExperience { get; private set; }
    public string Expertise { get; private set; } = "";
    public ThemePreference Theme { get; private set; }
    public ApprovalStatus Approval { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTime RegisteredUtc { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public DateTime? DeletedUtc { get; private set; }

    public bool IsDeleted => DeletedUtc is not null;

    /// <summary>The number to text, once its owner has proved it is theirs with a code; null otherwise.</summary>
    public string? VerifiedPhone => PhoneNumberConfirmed && !IsDeleted && !string.IsNullOrEmpty(PhoneNumber) ? PhoneNumber : null;

    public static AppUser Register(string email, string displayName, string timeZoneId, string requestedRole,
        int yearsOfExperience, string expertise, DateTime nowUtc) => new()
    {
        UserName = email,
        Email = email,
        DisplayName = displayName.Trim(),
        TimeZoneId = timeZoneId,
        RequestedRole = requestedRole,
        YearsOfExperience = yearsOfExperience,
        Expertise = expertise.Trim(),
        RegisteredUtc = nowUtc,
    };

    public void RequestProgram(Guid? programId) => RequestedProgramId = programId;

    public void Approve(DateTime nowUtc)
    {
        if (IsDeleted) throw new InvalidOperationException("A deleted user cannot be approved.");
        Approval = ApprovalStatus.Approved;
        RejectionReason = null;
        DecidedUtc = nowUtc;
    }

    public void Reject(string reason, DateTime nowUtc)
    {
        if (IsDeleted) throw new InvalidOperationException("A deleted user cannot be rejected.");
        Approval = ApprovalStatus.Rejected;
        RejectionReason = reason.Trim();
        DecidedUtc = nowUtc;
    }

    public void UpdateProfile(string displayName, string timeZoneId, int yearsOfExperience, string expertise)
    {
        DisplayName = displayName.Trim();
        TimeZoneId = timeZoneId;
        YearsOfExperience = yearsOfExperience;
        Expertise = expertise.Trim();
    }

    public void ChooseTheme(ThemePreference theme) => Theme = theme;

    /// <summary>
    /// Deleting a person keeps the row so that sessions, reviews and messages that name them still
    /// resolve, but removes everything that identifies them and everything that lets them sign in.
    /// </summary>
    public void Anonymise(DateTime nowUtc)
    {
        var placeholder = $"deleted-{Id}@deleted.invalid";
        DisplayName = DeletedDisplayName;
        Email = placeholder;
        NormalizedEmail = placeholder.ToUpperInvariant();
        UserName = placeholder;
        NormalizedUserName = placeholder.ToUpperInvariant();
        EmailConfirmed = false;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        PasswordHash = null;
        TwoFactorEnabled = false;
        Expertise = "";
        YearsOfExperience = 0;
        RejectionReason = null;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        SecurityStamp = Guid.NewGuid().ToString();
        DeletedUtc = nowUtc;
    }
}
