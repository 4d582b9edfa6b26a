using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Notifications;
using PeerMentor.Web.Adapters;

namespace PeerMentor.Tests.Web.Adapters;

public class SmtpMailSenderTests
{
    private static readonly MailMessage Hello = new("ada@example.com", "Hello", "t", "<p>h</p>");

    private static (SmtpConnectionPool Pool, Func<SmtpMailSender> NewSender) Sender(int port)
    {
        var pool = new SmtpConnectionPool();
        var options = Options.Create(new EmailOptions { Smtp = { Host = "127.0.0.1", Port = port, EnableSsl = false, TimeoutSeconds = 5 } });
        return (pool, () => new SmtpMailSender(pool, options, NullLogger<SmtpMailSender>.Instance));
    }

    [Fact]
    public async Task Mails_of_one_lane_share_one_connection()
    {
        using var server = new ScriptedSmtpServer();
        var (pool, newSender) = Sender(server.Port);
        await using (var sender = newSender())
        {
            for (var i = 0; i < 3; i++) await sender.SendAsync(Hello);
        }
        await using (var next = newSender()) await next.SendAsync(Hello);

        Assert.Equal((4, 1), (server.Mails, server.Connections));
        await pool.DisposeAsync();
    }

    [Fact]
    public async Task A_kept_connection_the_server_closed_is_replaced_and_the_mail_still_goes_out()
    {
        using var server = new ScriptedSmtpServer { HangUpAfterEachMail = true };
        var (pool, newSender) = Sender(server.Port);
        await using var sender = newSender();

        await sender.SendAsync(Hello);
        await sender.SendAsync(Hello);

        Assert.Equal((2, 2), (server.Mails, server.Connections));
        await pool.DisposeAsync();
    }

    [Theory]
    [InlineData("550 5.1.1 no such mailbox", true)]
    [InlineData("451 4.3.0 try again later", false)]
    public async Task A_5xx_answer_is_permanent_and_a_4xx_answer_temporary(string answer, bool permanent)
    {
        using var server = new ScriptedSmtpServer { RecipientAnswer = answer };
        var (pool, newSender) = Sender(server.Port);
        await using var sender = newSender();

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(Hello));

        Assert.Equal(permanent, failure.Permanent);
        await pool.DisposeAsync();
    }

    [Fact]
    public async Task A_mail_is_not_formatted_twice_to_declare_its_size_and_one_too_large_is_refused_for_good()
    {
        // The server announces a limit. Declaring the size would mean writing the whole mail once more to count it; the server
        // still refuses an oversize mail, after its data.
        using var server = new ScriptedSmtpServer { Extensions = ["SIZE 100"], DataAnswer = "552 5.3.4 message size exceeds fixed limit" };
        var (pool, newSender) = Sender(server.Port);
        await using var sender = newSender();

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(Hello));

        Assert.True(failure.Permanent);
        Assert.StartsWith("MAIL FROM:<no-reply@peermentor.local>", server.LastMailFrom);
        Assert.DoesNotContain("SIZE=", server.LastMailFrom, StringComparison.OrdinalIgnoreCase);
        await pool.DisposeAsync();
    }

    [Fact]
    public async Task A_calendar_invite_keeps_its_method_in_the_content_type()
    {
        using var server = new ScriptedSmtpServer();
        var (pool, newSender) = Sender(server.Port);
        await using var sender = newSender();

        await sender.SendAsync(Hello with { Attachments = [MailAttachment.Invite("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "CANCEL")] });

        Assert.Contains("Content-Type: text/calendar; method=CANCEL; charset=utf-8", server.LastData, StringComparison.OrdinalIgnoreCase);
        await pool.DisposeAsync();
    }

    /// <summary>Just enough SMTP on loopback to script what a real server does: answer, refuse, hang up.</summary>
    private sealed class ScriptedSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _mails, _connections;

        public ScriptedSmtpServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public string RecipientAnswer { get; init; } = "250 OK";
        /// <summary>The answer after the mail's data (the server takes it or refuses it there).</summary>
        public string DataAnswer { get; init; } = "250 queued";
        /// <summary>SMTP extensions the server announces in its EHLO answer.</summary>
        public string[] Extensions { get; init; } = [];
        public bool HangUpAfterEachMail { get; init; }
        public int Mails => Volatile.Read(ref _mails);
        public int Connections => Volatile.Read(ref _connections);
        public string LastData { get; private set; } = "";
        public string LastMailFrom { get; private set; } = "";

        public void Dispose() => _listener.Stop();

        private async Task AcceptAsync()
        {
            try
            {
                while (true) _ = ServeAsync(await _listener.AcceptTcpClientAsync());
            }
            catch (ObjectDisposedException) { }
            catch (SocketException) { }
        }

        private async Task ServeAsync(TcpClient client)
        {
            Interlocked.Increment(ref _connections);
            using var _ = client;
            using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            await using var writer = new StreamWriter(client.GetStream(), Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 scripted");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                if (verb == "QUIT") { await writer.WriteLineAsync("221 bye"); return; }
                if (verb == "RCPT") { await writer.WriteLineAsync(RecipientAnswer); continue; }
                if (verb == "EHLO")
                {
                    string[] lines = ["scripted", .. Extensions];
                    for (var i = 0; i < lines.Length; i++) await writer.WriteLineAsync($"250{(i < lines.Length - 1 ? '-' : ' ')}{lines[i]}");
                    continue;
                }
                if (verb == "MAIL") LastMailFrom = line;
                if (verb != "DATA") { await writer.WriteLineAsync("250 OK"); continue; }
                await writer.WriteLineAsync("354 go on");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                LastData = data.ToString();
                Interlocked.Increment(ref _mails);
                await writer.WriteLineAsync(DataAnswer);
                if (HangUpAfterEachMail) return;
            }
        }
    }
}
