using System.Net;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Accounts;

/// <summary>The account mails: each has a plain-text and an HTML part saying the same thing.</summary>
public static class AccountEmails
{
    public static MailMessage ConfirmEmail(AppUser user, string link) => Compose(user,
        "Confirm your email for PeerMentor",
        $"Hi {user.DisplayName}, please confirm your email address so an admin can review your registration.",
        "Confirm my email", link,
        "If you did not register, ignore this mail.");

    public static MailMessage ResetPassword(AppUser user, string link) => Compose(user,
        "Reset your PeerMentor password",
        $"Hi {user.DisplayName}, someone asked to reset the password of your PeerMentor account.",
        "Choose a new password", link,
        "If it was not you, ignore this mail: your password stays as it is.");

    public static MailMessage RegistrationAttempt(AppUser owner, string signInLink, string resetLink) => Compose(owner,
        "Someone tried to register with your PeerMentor address",
        $"Hi {owner.DisplayName}, someone just tried to create a PeerMentor account with this email address, which already has one. "
            + $"If it was you, sign in instead; if you forgot your password, choose a new one: {resetLink}",
        "Sign in", signInLink,
        "If it was not you, ignore this mail: nothing was changed and no second account was made.");

    public static MailMessage Approved(AppUser user, string role, string link, string? programName = null) => Compose(user,
        "Your PeerMentor registration is approved",
        $"Hi {user.DisplayName}, an admin approved your registration. You can now sign in as {Article(role)} {role.ToLowerInvariant()}"
            + (programName is null ? "." : $" in {programName}."),
        "Sign in", link, null);

    public static MailMessage Rejected(AppUser user, string reason) => Compose(user,
        "Your PeerMentor registration was not approved",
        $"Hi {user.DisplayName}, an admin did not approve your registration. The reason given: {reason}",
        null, null,
        "If you think this is a mistake, reply to your program's organisers.");

    private static string Article(string role) => role.StartsWith('A') ? "an" : "a";

    private static MailMessage Compose(AppUser user, string subject, string lead, string? action, string? link, string? footer)
    {
        var text = lead + "\n\n"
            + (link is null ? "" : $"{action}: {link}\n\n")
            + (footer is null ? "" : footer + "\n")
            + "\n— PeerMentor";
        var html = $"<p>{Encode(lead)}</p>"
            + (link is null ? "" : $"<p><a href=\"{Encode(link)}\">{Encode(action!)}</a></p>")
            + (footer is null ? "" : $"<p>{Encode(footer)}</p>")
            + "<p>— PeerMentor</p>";
        return new MailMessage(user.Email!, subject, text, html);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
