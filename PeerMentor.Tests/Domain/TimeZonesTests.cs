using PeerMentor.Domain.Accounts;

namespace PeerMentor.Tests.Domain;

public class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("UTC")]
    public void Iana_zones_are_accepted(string id) => Assert.True(TimeZones.IsValidIana(id));

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("W. Europe Standard Time")]
    public void Unknown_and_windows_zone_ids_are_refused(string id) => Assert.False(TimeZones.IsValidIana(id));

    [Fact]
    public void The_picker_lists_iana_zones() => Assert.Contains("America/Santiago", TimeZones.All);
}
