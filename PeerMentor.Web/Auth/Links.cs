using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Web.Auth;

public static class Links
{
    /// <summary>Account mails link like every other mail (<see cref="AppLinks"/>), never to the Host header a request brought.</summary>
    public static AccountLinks ForAccounts(AppLinks links) => new(links.Base);
}
