using PeerMentor.Domain.Scheduling;
using static PeerMentor.Tests.Domain.Scheduling.Schedules;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>What a person may do to a session now: the pages offer exactly this and the service refuses the rest.</summary>
public class SessionChangesTests
{
    private static readonly DateTime Start = Utc(2026, 6, 1, 10);
    private static readonly DateTime End = Start.AddHours(1);

    private static SessionChanges Booked(DateTime now, bool isMentor = false, bool isParty = true, bool asAdmin = false) =>
        SessionChanges.For(SessionStatus.Accepted, Start, End, isMentor, isParty, asAdmin, now, cutoffHours: 2);

    [Fact]
    public void A_party_may_cancel_and_move_a_booked_session_until_the_cutoff() =>
        Assert.Equal(new SessionChanges(true, true, null), Booked(Start.AddHours(-2).AddTicks(-1)));

    [Fact]
    public void From_the_cutoff_a_party_may_neither_cancel_nor_move() =>
        Assert.Equal((false, false), (Booked(Start.AddHours(-2)).CanCancel, Booked(Start.AddHours(-2)).CanMove));

    [Fact]
    public void Inside_the_cutoff_a_student_is_told_when_changes_closed_and_whom_to_tell_instead()
    {
        var closed = Booked(Start.AddHours(-1)).Closed!;

        Assert.Contains("close 2 hours before the start", closed);
        Assert.Contains("tell your mentor", closed);
        Assert.Contains("An admin can still cancel", closed);
    }

    [Fact]
    public void Inside_the_cutoff_a_mentor_is_pointed_to_their_student() =>
        Assert.Contains("tell your student", Booked(Start.AddHours(-1), isMentor: true).Closed);

    [Fact]
    public void No_feature_the_product_lacks_is_promised() =>
        Assert.DoesNotContain("message", Booked(Start.AddHours(-1)).Closed, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void An_admin_may_cancel_inside_the_cutoff_but_not_move() =>
        Assert.Equal(new SessionChanges(true, false, null), Booked(Start.AddMinutes(-5), isParty: false, asAdmin: true));

    [Fact]
    public void Someone_else_may_do_nothing() =>
        Assert.Equal(new SessionChanges(false, false, null), Booked(Start.AddDays(-3), isParty: false));

    [Fact]
    public void A_student_may_withdraw_or_move_a_request_at_any_time_before_it_ends() =>
        Assert.Equal(new SessionChanges(true, true, null),
            SessionChanges.For(SessionStatus.Requested, Start, End, isMentor: false, isParty: true, asAdmin: false, Start.AddMinutes(-1), 2));

    [Fact]
    public void A_session_that_is_over_or_closed_offers_nothing()
    {
        Assert.False(Booked(End).CanCancel);
        Assert.Equal(new SessionChanges(false, false, null),
            SessionChanges.For(SessionStatus.Declined, Start, End, isMentor: false, isParty: true, asAdmin: true, Start.AddDays(-1), 2));
    }
}
