using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PeerMentor.Web.Auth;

/// <summary>
/// Reading a bearer token (key derivation, decryption, MAC check, deserializing the ticket) cost more CPU than the query
/// of a simple API read, and a client sends the same token with every call. So a token that read correctly is
/// remembered for the revalidation interval and each request gets its own copy of the ticket. Nothing is trusted
/// that was not read from the token itself: the handler still checks the expiry on every request, and
/// <see cref="StampedBearerHandler"/> still checks the account's stamp.
/// </summary>
public sealed class RememberedBearerTickets(ISecureDataFormat<AuthenticationTicket> inner, IOptions<SessionLimits> limits, TimeProvider clock)
    : ISecureDataFormat<AuthenticationTicket>
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _read = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (_read.TryGetValue(protectedText, out var remembered) && remembered.Until > now) return remembered.Ticket.Clone();
        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        if (_read.Count >= MaxRemembered) _read.Clear();
        _read[protectedText] = (ticket.Clone(), now + limits.Value.RevalidationInterval);
        return ticket;
    }
}
