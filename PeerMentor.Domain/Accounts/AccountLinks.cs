using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PeerMentor.Domain.Accounts;

/// <summary>Absolute links that account mails carry, built from the address people reach the app at.</summary>
public sealed record AccountLinks(Uri BaseUri)
{
    public string ConfirmEmail(string userId, string token) =>
        Build($"account/confirm-email?userId={Uri.EscapeDataString(userId)}&code={Encode(token)}");

    public string ResetPassword(string email, string token) =>
        Build($"account/reset-password?email={Uri.EscapeDataString(email)}&code={Encode(token)}");

    public string SignIn() => Build("account/login");

    public string ForgotPassword() => Build("account/forgot-password");

    /// <summary>Tokens travel Base64Url-encoded so that mail clients do not mangle them.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private string Build(string relative) => new Uri(BaseUri, relative).ToString();
}
