using System.Text.RegularExpressions;

namespace PeerMentor.Domain.Notifications;

/// <summary>A text message as the app composed it: what the SMS gateway receives, or what the in-app viewer shows.</summary>
public sealed record SmsMessage(string To, string Body);

/// <summary>The boundary to whatever delivers SMS (an HTTP gateway, or the in-app viewer in development).</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// Thrown by an <see cref="ISmsSender"/> when the gateway did not take the message. A permanent failure (the gateway
/// refused it, e.g. an invalid number) would fail the same way every time, so it is not retried.
/// </summary>
public sealed class SmsDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

public static partial class PhoneNumbers
{
    public const string Invalid = "Enter the number in international form: + then the country code and number, 8 to 15 digits (e.g. +4915123456789).";

    /// <summary>E.164: a plus, then 8 to 15 digits; spaces, dashes and brackets people type are dropped first.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var compact = Separators().Replace(input.Trim(), "");
        return E164().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();
}
