using System.Diagnostics;
using System.Text.Json;

namespace PeerMentor.Tests.Infrastructure;

/// <summary><see cref="Method"/> is the content type's method parameter, as calendar invites carry it.</summary>
public sealed record ReceivedAttachment(string? FileName, string ContentType, string? Content, string? Method = null);

public sealed record ReceivedMail(string MailFrom, string[] RcptTos, string From, string To, string Subject,
    string? Text, string? Html, ReceivedAttachment[] Attachments);

/// <summary>A real SMTP server on loopback (Debian's python3-aiosmtpd), shared by the whole test run; its mail is kept in the run's folder.</summary>
public sealed class SmtpSink
{
    private static readonly Lazy<Task<SmtpSink>> Shared = new(StartAsync);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _folder;

    private SmtpSink(int port, string folder) => (Port, _folder) = (port, folder);

    public int Port { get; }

    public static Task<SmtpSink> InstanceAsync() => Shared.Value;

    private static async Task<SmtpSink> StartAsync()
    {
        ExternalProcess.Require("/usr/bin/python3", "python3");
        var folder = TestRun.NewFolder("smtp");
        var port = ExternalProcess.FreePort();
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py"));
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(folder);
        // It exits by itself once the test host is gone, however the run ended.
        info.ArgumentList.Add("--parent");
        info.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the SMTP server.");
        try
        {
            await ExternalProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(20), () => process.HasExited);
        }
        catch (InvalidOperationException)
        {
            throw new InvalidOperationException("The test SMTP server did not start. Is Debian's python3-aiosmtpd installed? " +
                await process.StandardError.ReadToEndAsync());
        }
        return new SmtpSink(port, folder);
    }

    public IReadOnlyList<ReceivedMail> MailTo(string address) => Directory.GetFiles(_folder, "*.json")
        .Where(file => !Path.GetFileName(file).StartsWith('.')) // still being written; renamed when complete
        .Order(StringComparer.Ordinal)
        .Select(file => JsonSerializer.Deserialize<ReceivedMail>(File.ReadAllText(file), Json)!)
        .Where(mail => mail.RcptTos.Contains(address, StringComparer.OrdinalIgnoreCase))
        .ToList();

    public async Task<ReceivedMail> WaitForMailAsync(string address, Func<ReceivedMail, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var mail = MailTo(address).FirstOrDefault(m => match?.Invoke(m) ?? true);
            if (mail is not null) return mail;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No matching mail reached {address} within the timeout.");
    }
}
