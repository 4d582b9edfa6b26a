using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;

namespace PeerMentor.Web.Components.Shared.Lists;

/// <summary>
/// A list's page as prerendering loaded it, handed to the live page (<see cref="ListTable{TRow}.PrerenderedPage"/>):
/// the rows as Brotli-compressed JSON (cells markup as strings) and the filtered list's total. The browser sends it
/// back when the page goes live, in the one message that starts the circuit (at most 32 KB by default, or the page never
/// goes live), so it is compressed and a page whose rows still take more than <see cref="MaxBytes"/> is not kept.
/// </summary>
public sealed record ListSnapshot(byte[] Rows, int Total)
{
    /// <summary>
    /// Compressed rows at most (25 deliveries, 28 KB of JSON, are 0.9 KB; 20 reviews 1.3 KB): base64 twice and encryption make it about 2.5
    /// times as much in the message, which leaves room for the page's own descriptors.
    /// </summary>
    public const int MaxBytes = 8 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new MarkupStringJson() } };

    /// <summary>
    /// The page's snapshot, or null when it is too large or its rows would not come back as they are (a row type JSON
    /// cannot carry whole, such as a tuple or a class with private state): the live page then loads them again.
    /// </summary>
    public static ListSnapshot? Of<TRow>(IReadOnlyList<TRow> rows, int total, Func<TRow, MarkupString> cells)
    {
        try
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(rows, Json);
            var back = JsonSerializer.Deserialize<TRow[]>(json, Json);
            var same = back is not null && back.Length == rows.Count
                && JsonSerializer.SerializeToUtf8Bytes(back, Json).AsSpan().SequenceEqual(json)
                && back.Select(cells).SequenceEqual(rows.Select(cells));
            if (!same) return null;
            using var compressed = new MemoryStream();
            using (var brotli = new BrotliStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) brotli.Write(json);
            return compressed.Length <= MaxBytes ? new ListSnapshot(compressed.ToArray(), total) : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The rows again, or null if they cannot be read (the live page then loads them).</summary>
    public TRow[]? Restore<TRow>()
    {
        try
        {
            using var brotli = new BrotliStream(new MemoryStream(Rows), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<TRow[]>(brotli, Json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A row's cells as the markup string they are.</summary>
    private sealed class MarkupStringJson : JsonConverter<MarkupString>
    {
        public override MarkupString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, MarkupString value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
