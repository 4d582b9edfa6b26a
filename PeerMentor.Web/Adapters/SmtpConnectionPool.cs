using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace PeerMentor.Web.Adapters;

/// <summary>Open SMTP connections waiting for the next dispatcher lane, so each mail does not pay for a connect, TLS and sign-in.</summary>
public sealed class SmtpConnectionPool : IAsyncDisposable
{
    private const int MaxIdle = 32;
    private readonly ConcurrentBag<SmtpConnection> _idle = [];

    public SmtpConnection Rent() => _idle.TryTake(out var connection) ? connection : new SmtpConnection();

    public void Return(SmtpConnection connection)
    {
        if (connection.Client.IsConnected && _idle.Count < MaxIdle) _idle.Add(connection);
        else connection.Client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection)) await connection.CloseAsync();
    }
}

/// <summary>One SMTP client and when it last did something, so a connection the server may have dropped is checked first.</summary>
public sealed class SmtpConnection
{
    private long _lastUsed = Environment.TickCount64;

    public SmtpClient Client { get; } = new OnePassSmtpClient();

    /// <summary>Connects (and signs in) when needed; true when an already open connection is used again.</summary>
    public async Task<bool> ReadyAsync(SmtpOptions settings, CancellationToken cancellationToken)
    {
        if (Client.IsConnected && Environment.TickCount64 - _lastUsed > settings.IdleCheckSeconds * 1000L)
        {
            try
            {
                await Client.NoOpAsync(cancellationToken);
            }
            catch (Exception ex) when (IsLost(ex))
            {
                await CloseAsync();
            }
        }
        if (Client.IsConnected) return true;
        await ConnectAsync(settings, cancellationToken);
        return false;
    }

    public async Task ReconnectAsync(SmtpOptions settings, CancellationToken cancellationToken)
    {
        await CloseAsync();
        await ConnectAsync(settings, cancellationToken);
    }

    public void Used() => _lastUsed = Environment.TickCount64;

    /// <summary>Says goodbye if it can; a connection in an unknown state is never used again.</summary>
    public async Task CloseAsync()
    {
        if (!Client.IsConnected) return;
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Client.DisconnectAsync(quit: true, quick.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ProtocolException or ServiceNotConnectedException or SmtpCommandException)
        {
            // Already gone; the socket is closed either way.
        }
    }

    /// <summary>The connection itself broke (closed by the server, say), as opposed to the server answering "no".</summary>
    public static bool IsLost(Exception ex) => ex is ServiceNotConnectedException or IOException or SocketException or SmtpProtocolException
        || ex is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private async Task ConnectAsync(SmtpOptions settings, CancellationToken cancellationToken)
    {
        Client.Timeout = settings.TimeoutSeconds * 1000;
        await Client.ConnectAsync(settings.Host, settings.Port, settings.TlsMode, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName)) await Client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
        Used();
    }
}

/// <summary>
/// Formats each mail once. When the server announces SIZE, MailKit writes the whole message out first only to count its
/// bytes for MAIL FROM, then writes it again to send it. The size is optional (RFC 1870) and our mails are a few kilobytes;
/// a server that finds one too large still refuses it after the data with 552, which is a permanent failure like any 5xx.
/// With CHUNKING the size is the length BDAT announces, so then it is measured as before.
/// </summary>
internal sealed class OnePassSmtpClient : SmtpClient
{
    private bool MayChunk => (Capabilities & (SmtpCapabilities.Chunking | SmtpCapabilities.BinaryMime)) != 0;

    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        MayChunk ? base.GetSizeAsync(options, message, cancellationToken) : Task.FromResult(-1L);

    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        MayChunk ? base.GetSize(options, message, cancellationToken) : -1;
}
