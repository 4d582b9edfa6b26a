using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Web.Adapters;

public sealed class SmsOptions
{
    /// <summary>The gateway's root, e.g. https://api.twilio.com; empty keeps texts in the in-app viewer.</summary>
    public string BaseUrl { get; set; } = "";
    public string AccountSid { get; set; } = "";
    public string AuthToken { get; set; } = "";
    public string From { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 15;

    public bool UsesGateway => !string.IsNullOrWhiteSpace(BaseUrl);
}

/// <summary>
/// Sends through an HTTP gateway speaking Twilio's Messages API. The gateway refusing a message (4xx: bad
/// number, unverified sender…) is permanent and keeps its own explanation; server errors, rate limits and
/// timeouts are transient and left to the outbox's backoff.
/// </summary>
public sealed class TwilioSmsSender(HttpClient http, IOptions<SmsOptions> options, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var url = $"{settings.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = message.To, ["From"] = settings.From, ["Body"] = message.Body }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmsDeliveryException($"The SMS gateway did not answer within {settings.TimeoutSeconds} s.", permanent: false, ex);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "SMS gateway {Url} unreachable", settings.BaseUrl);
            throw new SmsDeliveryException($"The SMS gateway could not be reached: {ex.Message}", permanent: false, ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var body = await ReadBodyAsync(response, timeout.Token);
            var reason = $"SMS gateway answered {(int)response.StatusCode}: {Describe(body)}";
            // 429 is the gateway asking us to slow down, not a verdict on the message.
            var permanent = (int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests;
            throw new SmsDeliveryException(reason, permanent);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try { return await response.Content.ReadAsStringAsync(cancellationToken); }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException) { return ""; }
    }

    /// <summary>Twilio's error body is {"code": 21211, "message": "…", "more_info": "…"}; keep its words and code.</summary>
    private static string Describe(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var text = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (text is not null) return code is null ? text : $"{text} (error {code})";
        }
        catch (JsonException) { }
        return body.Length > 300 ? body[..300] : body;
    }
}
