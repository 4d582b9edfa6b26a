using System.Text;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Adapters;

namespace PeerMentor.Tests.Domain.Programs;

public sealed class UploadContentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"peermentor-upload-test-{Guid.NewGuid():N}");

    private FileStorage Storage(long maxBytes = 10 * 1024 * 1024, long maxVideoBytes = 500L * 1024 * 1024) =>
        new(Options.Create(new UploadOptions { MaxBytes = maxBytes, MaxVideoBytes = maxVideoBytes, Folder = _folder }), new HostingEnvironment { ContentRootPath = Path.GetTempPath() });

    private static FileKind? Video(byte[] bytes, string name) => UploadContent.IdentifyVideo(new MemoryStream(bytes), name).Kind;

    [Theory]
    [InlineData("talk.mp4", "video/mp4")]
    [InlineData("talk.webm", "video/webm")]
    [InlineData("talk.mkv", "video/x-matroska")]
    public void Real_videos_are_recognised_by_their_bytes(string name, string contentType)
    {
        var bytes = name.EndsWith(".mp4", StringComparison.Ordinal) ? SampleFiles.Mp4 : name.EndsWith(".webm", StringComparison.Ordinal) ? SampleFiles.WebM : SampleFiles.Mkv;

        Assert.Equal(contentType, Video(bytes, name)?.ContentType);
    }

    [Fact]
    public void A_quicktime_movie_is_recognised_by_its_brand()
    {
        var mov = SampleFiles.Mp4.ToArray();
        "qt  "u8.CopyTo(mov.AsSpan(8));

        Assert.Equal("video/quicktime", Video(mov, "talk.mov")?.ContentType);
    }

    [Fact]
    public void An_executable_renamed_to_mp4_is_refused_as_a_program()
    {
        var (result, kind) = UploadContent.IdentifyVideo(new MemoryStream(SampleFiles.WindowsExe), "talk.mp4");

        Assert.Null(kind);
        Assert.Contains("executable", Assert.Single(result.For("File")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_renamed_to_mp4_is_not_a_video()
    {
        Assert.Null(Video(SampleFiles.Pdf, "talk.mp4"));
    }

    [Fact]
    public void A_webm_named_mp4_is_refused_because_the_name_disagrees()
    {
        Assert.Null(Video(SampleFiles.WebM, "talk.mp4"));
    }

    [Fact]
    public async Task A_video_over_its_own_limit_is_refused_and_leaves_no_file()
    {
        var storage = Storage(maxBytes: 1024 * 1024, maxVideoBytes: 64);
        var oversized = SampleFiles.Mp4.Concat(new byte[100]).ToArray();

        var (result, file) = await storage.SaveVideoAsync(new MemoryStream(oversized), "talk.mp4");

        Assert.Null(file);
        Assert.Equal(storage.VideoTooLarge, Assert.Single(result.For("File")));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_video_is_stored_under_a_generated_name_with_the_type_from_its_bytes()
    {
        var (_, file) = await Storage().SaveVideoAsync(new MemoryStream(SampleFiles.WebM), "../../talk.webm");

        Assert.Equal(("talk.webm", "video/webm", 32), (file?.FileName, file?.ContentType, file?.StoredName.Length));
    }

    [Fact]
    public async Task Documents_are_not_accepted_as_recordings()
    {
        var (result, file) = await Storage().SaveVideoAsync(new MemoryStream(SampleFiles.Pdf), "slides.pdf");

        Assert.Null(file);
        Assert.NotEmpty(result.For("File"));
    }

    private static (PeerMentor.Domain.Result Result, FileKind? Kind) Identify(byte[] bytes, string name) => UploadContent.Identify(new MemoryStream(bytes), name);

    [Fact]
    public void A_real_pdf_is_accepted_as_a_pdf()
    {
        var (_, kind) = Identify(SampleFiles.Pdf, "essay.pdf");

        Assert.Equal("application/pdf", kind?.ContentType);
    }

    [Fact]
    public void A_real_png_is_accepted_as_an_image()
    {
        var (_, kind) = Identify(SampleFiles.Png, "diagram.png");

        Assert.Equal("image/png", kind?.ContentType);
    }

    [Fact]
    public void A_windows_executable_renamed_to_pdf_is_refused_as_a_program()
    {
        var (result, kind) = Identify(SampleFiles.WindowsExe, "essay.pdf");

        Assert.Null(kind);
        Assert.Contains("executable", Assert.Single(result.For("File")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_linux_executable_renamed_to_pdf_is_refused_as_a_program()
    {
        var (result, kind) = Identify(SampleFiles.LinuxElf, "essay.pdf");

        Assert.Null(kind);
        Assert.Contains("executable", Assert.Single(result.For("File")), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_containing_a_nul_byte_is_refused()
    {
        var (result, kind) = Identify(Encoding.UTF8.GetBytes("notes\0more"), "notes.txt");

        Assert.Null(kind);
        Assert.NotEmpty(result.For("File"));
    }

    [Fact]
    public void Valid_utf8_text_named_md_is_accepted_as_plain_text()
    {
        var (_, kind) = Identify(Encoding.UTF8.GetBytes("# Notes\nGrüße, 你好"), "notes.md");

        Assert.Equal(UploadContent.Text, kind);
    }

    [Fact]
    public void A_png_named_pdf_is_refused_because_the_name_and_content_disagree()
    {
        var (result, _) = Identify(SampleFiles.Png, "essay.pdf");

        Assert.Contains("PNG", Assert.Single(result.For("File")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_configured_size_is_refused_while_streaming_and_leaves_no_file()
    {
        var oversized = SampleFiles.Pdf.Concat(new byte[2048]).ToArray();

        var (result, stored) = await Storage(maxBytes: 1024).SaveAsync(new MemoryStream(oversized), "essay.pdf");

        Assert.Null(stored);
        Assert.Contains("at most", Assert.Single(result.For("File")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_disguised_upload_leaves_no_file_behind()
    {
        var (_, stored) = await Storage().SaveAsync(new MemoryStream(SampleFiles.WindowsExe), "essay.pdf");

        Assert.Null(stored);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task An_accepted_upload_is_stored_under_a_generated_name_with_its_detected_type()
    {
        var (_, stored) = await Storage().SaveAsync(new MemoryStream(SampleFiles.Pdf), "../../my essay.pdf");

        Assert.Equal(("my essay.pdf", "application/pdf"), (stored!.FileName, stored.ContentType));
        Assert.Equal(Path.Combine(_folder, stored.StoredName), Assert.Single(Directory.GetFiles(_folder)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
