using Microsoft.Extensions.Options;
using PeerMentor.Domain;
using PeerMentor.Domain.Programs;

namespace PeerMentor.Web.Adapters;

public sealed class UploadOptions
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>Recordings of events are much larger than hand-ins, so they have their own limit.</summary>
    public long MaxVideoBytes { get; set; } = 500L * 1024 * 1024;
    public string Folder { get; set; } = "App_Data/uploads";
}

/// <summary>
/// Uploaded files on disk, outside the web root, under generated names: a person's file name never becomes
/// a path, and nothing here is reachable except through the download endpoint, which checks who asks.
/// </summary>
public sealed class FileStorage
{
    private readonly string _folder;

    public FileStorage(IOptions<UploadOptions> options, IHostEnvironment environment)
    {
        MaxBytes = options.Value.MaxBytes;
        MaxVideoBytes = options.Value.MaxVideoBytes;
        _folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));
        Directory.CreateDirectory(_folder);
    }

    public long MaxBytes { get; }

    public long MaxVideoBytes { get; }

    public string TooLarge => $"Files can be at most {MaxBytes / (1024.0 * 1024):0.#} MB.";

    public string VideoTooLarge => $"Videos can be at most {MaxVideoBytes / (1024.0 * 1024):0.#} MB.";

    /// <summary>
    /// Copies the upload to disk, stopping as soon as it passes the limit (the size a client declares is not
    /// trusted), then checks its content. A refused file leaves nothing behind.
    /// </summary>
    public Task<(Result Result, StoredFile? File)> SaveAsync(Stream content, string fileName, CancellationToken cancellation = default) =>
        SaveAsync(content, fileName, MaxBytes, TooLarge, UploadContent.Identify, cancellation);

    /// <summary>Like <see cref="SaveAsync(Stream, string, CancellationToken)"/> for a recording: videos only, up to <see cref="MaxVideoBytes"/>.</summary>
    public Task<(Result Result, StoredFile? File)> SaveVideoAsync(Stream content, string fileName, CancellationToken cancellation = default) =>
        SaveAsync(content, fileName, MaxVideoBytes, VideoTooLarge, UploadContent.IdentifyVideo, cancellation);

    private async Task<(Result Result, StoredFile? File)> SaveAsync(Stream content, string fileName, long limit, string tooLarge,
        Func<Stream, string, (Result, FileKind?)> identify, CancellationToken cancellation)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (name.Length is 0 or > 255) return (Result.Fail("File", "Give the file a name of at most 255 characters."), null);
        var storedName = Guid.NewGuid().ToString("N");
        var path = PathOf(storedName);
        var keep = false;
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellation)) > 0)
                {
                    total += read;
                    if (total > limit) return (Result.Fail("File", tooLarge), null);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
                }
                target.Position = 0;
                var (result, kind) = identify(target, name);
                if (kind is null) return (result, null);
                keep = true;
                return (result, new StoredFile(storedName, name, kind.ContentType, total));
            }
        }
        finally
        {
            if (!keep) File.Delete(path);
        }
    }

    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string? storedName)
    {
        if (storedName is not null) File.Delete(PathOf(storedName));
    }

    /// <summary>Stored names are ours (32 hex digits); anything else is refused rather than turned into a path.</summary>
    private string PathOf(string storedName) =>
        storedName.Length == 32 && storedName.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(_folder, storedName)
            : throw new ArgumentException("Not a stored file name.", nameof(storedName));
}
