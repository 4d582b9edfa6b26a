using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PeerMentor.Domain.Data;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => ToUtc(value),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc))
{
    /// <summary>Refuses local or unspecified times: the model only ever holds UTC instants.</summary>
    internal static DateTime ToUtc(DateTime value) => value.Kind == DateTimeKind.Utc
        ? value
        : throw new ArgumentException($"Only UTC instants are stored; got a DateTime of kind {value.Kind}.", nameof(value));
}

public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    value => value.HasValue ? UtcDateTimeConverter.ToUtc(value.Value) : value,
    stored => stored.HasValue ? DateTime.SpecifyKind(stored.Value, DateTimeKind.Utc) : stored);
