using System.Text;

namespace PeerMentor.Domain.Programs;

/// <summary>A kind of file we accept: what its bytes start with decides it, the name must agree.</summary>
public sealed record FileKind(string Name, string ContentType, string[] Extensions, bool IsImage = false, bool IsVideo = false);

/// <summary>
/// Which uploads are allowed, judged by their content: a name is only a claim, so an executable renamed
/// ".pdf" is still an executable. Browsers get the content type we detected, never the one the client sent.
/// </summary>
public static class UploadContent
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly FileKind Png = new("PNG image", "image/png", [".png"], IsImage: true);
    public static readonly FileKind Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"], IsImage: true);
    // docx, xlsx and pptx are ZIP containers; the archive itself is served as a download, never opened.
    public static readonly FileKind Zip = new("ZIP archive", "application/zip", [".zip", ".docx", ".xlsx", ".pptx"]);
    public static readonly FileKind Text = new("plain text", "text/plain; charset=utf-8", [".txt", ".md"]);

    public static readonly FileKind Mp4 = new("MP4 video", "video/mp4", [".mp4", ".m4v"], IsVideo: true);
    public static readonly FileKind QuickTime = new("QuickTime video", "video/quicktime", [".mov"], IsVideo: true);
    public static readonly FileKind WebM = new("WebM video", "video/webm", [".webm"], IsVideo: true);
    public static readonly FileKind Matroska = new("Matroska video", "video/x-matroska", [".mkv"], IsVideo: true);

    public const string AllowedVideos = "MP4, WebM, MOV or MKV";

    public const string Allowed = "PDF, PNG, JPEG, ZIP (also .docx, .xlsx, .pptx) or plain text (.txt, .md)";

    private static readonly (byte[] Magic, FileKind Kind)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), Pdf),
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], Png),
        ([0xFF, 0xD8, 0xFF], Jpeg),
        ([(byte)'P', (byte)'K', 0x03, 0x04], Zip),
    ];

    private static readonly byte[][] Executables = ["MZ"u8.ToArray(), [0x7F, (byte)'E', (byte)'L', (byte)'F'], [0xCF, 0xFA, 0xED, 0xFE]];

    /// <summary>Reads <paramref name="content"/> from its start and says what it is, or why it is refused.</summary>
    public static (Result Result, FileKind? Kind) Identify(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var buffer = new byte[8];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = buffer[..read];
        if (read == 0) return Refuse("The file is empty.");
        if (Executables.Any(m => head.AsSpan().StartsWith(m)))
            return Refuse($"\"{fileName}\" is a program (executable), not a document, whatever its name says. Upload {Allowed}.");
        var kind = Signatures.FirstOrDefault(s => head.AsSpan().StartsWith(s.Magic)).Kind;
        if (kind is null)
        {
            if (!Text.Extensions.Contains(extension))
                return Refuse($"The content of \"{fileName}\" is not a file type we accept. Upload {Allowed}.");
            content.Position = 0;
            if (!IsPlainText(content)) return Refuse($"\"{fileName}\" is not plain UTF-8 text (it contains binary data).");
            kind = Text;
        }
        if (!kind.Extensions.Contains(extension))
            return Refuse($"\"{fileName}\" contains a {kind.Name}, but its name ends in \"{extension}\". Use {string.Join(" or ", kind.Extensions)}.");
        return (Result.Ok(), kind);
    }

    /// <summary>
    /// Says which video a recording upload is: MP4 and MOV are ISO media files ("ftyp" at byte 4, the brand "qt  "
    /// marks QuickTime); WebM and MKV are Matroska (EBML header), told apart by the DocType in the header.
    /// </summary>
    public static (Result Result, FileKind? Kind) IdentifyVideo(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var buffer = new byte[64];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = buffer.AsSpan(0, read);
        if (read == 0) return Refuse("The file is empty.");
        if (IsExecutable(buffer.AsSpan(0, read)))
            return Refuse($"\"{fileName}\" is a program (executable), not a video, whatever its name says. Upload {AllowedVideos}.");
        FileKind? kind = null;
        if (read >= 12 && head[4..8].SequenceEqual("ftyp"u8)) kind = head[8..12].SequenceEqual("qt  "u8) ? QuickTime : Mp4;
        else if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) kind = head.IndexOf("webm"u8) >= 0 ? WebM : Matroska;
        if (kind is null) return Refuse($"The content of \"{fileName}\" is not a video we accept. Upload {AllowedVideos}.");
        // An ISO media file is fine under either of its usual names; the content type still comes from the bytes.
        var names = kind == Mp4 || kind == QuickTime ? [.. Mp4.Extensions, .. QuickTime.Extensions] : kind.Extensions;
        if (!names.Contains(extension))
            return Refuse($"\"{fileName}\" contains a {kind.Name}, but its name ends in \"{extension}\". Use {string.Join(" or ", kind.Extensions)}.");
        return (Result.Ok(), kind);
    }

    private static bool IsExecutable(ReadOnlySpan<byte> head)
    {
        foreach (var magic in Executables) if (head.StartsWith(magic)) return true;
        return false;
    }

    private static (Result, FileKind?) Refuse(string message) => (Result.Fail("File", message), null);

    private static bool IsPlainText(Stream content)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[bytes.Length + 1];
        int read;
        try
        {
            while ((read = content.Read(bytes)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0)) return false;
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Kinds by content type, to serve a stored file with the headers its kind needs.</summary>
    public static FileKind? ByContentType(string contentType) =>
        new[] { Pdf, Png, Jpeg, Zip, Text, Mp4, QuickTime, WebM, Matroska }.FirstOrDefault(k => k.ContentType == contentType);
}
