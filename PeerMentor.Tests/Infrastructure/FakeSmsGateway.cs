using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace PeerMentor.Tests.Infrastructure;

public enum GatewayAnswer { Created, BadRequest, ServerError, Hang }

public sealed record GatewayRequest(string Method, string Path, string? Authorization, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// A loopback stand-in for Twilio's Messages API: records every request and answers as told (201 with a message
/// sid, 400 with Twilio's error JSON, 500, or nothing until well past the client's timeout).
/// </summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token";
    public const string From = "+15005550006";
    public const string InvalidNumberMessage = "The 'To' number is not a valid phone number.";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<GatewayRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeSmsGateway()
    {
        BaseUrl = $"http://127.0.0.1:{ExternalProcess.FreePort()}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }
    public GatewayAnswer Answer { get; set; } = GatewayAnswer.Created;
    public IReadOnlyList<GatewayRequest> Requests => [.. _requests];

    /// <summary>The app settings that point PeerMentor at this gateway; the timeout is short so a hang costs the test little.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Sms:BaseUrl"] = BaseUrl,
        ["Sms:AccountSid"] = AccountSid,
        ["Sms:AuthToken"] = AuthToken,
        ["Sms:From"] = From,
        ["Sms:TimeoutSeconds"] = "1",
    };

    public IReadOnlyList<GatewayRequest> To(string phone) => Requests.Where(r => r.Form.GetValueOrDefault("To") == phone).ToList();

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""));
            _requests.Enqueue(new GatewayRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], form));

            var (status, json) = Answer switch
            {
                GatewayAnswer.Created => (201, $$"""{"sid":"SM{{Guid.NewGuid():N}}","status":"queued","to":"{{form.GetValueOrDefault("To")}}"}"""),
                GatewayAnswer.BadRequest => (400, $$"""{"code":21211,"message":"{{InvalidNumberMessage}}","more_info":"https://www.twilio.com/docs/errors/21211","status":400}"""),
                GatewayAnswer.ServerError => (500, """{"code":20500,"message":"Internal Server Error","status":500}"""),
                _ => (0, ""),
            };
            if (status == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                status = 201;
                json = """{"sid":"SMlate","status":"queued"}""";
            }
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (a timeout test) or the gateway is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
        _stop.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"FakeSmsGateway {BaseUrl}, {Requests.Count} requests");
}
