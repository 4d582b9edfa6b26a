using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Web.Components.Admin;

namespace PeerMentor.Tests.Components.Admin;

public class DeliveriesTests : AdminListTest
{
    [Fact]
    public async Task The_log_lists_the_newest_delivery_first()
    {
        var app = await StartDatabaseAsync();
        await QueueAsync(app, "Older", 0);
        await QueueAsync(app, "Newer", 5);

        var cut = Render<Deliveries>();

        cut.WaitForAssertion(() => Assert.Equal(["Newer", "Older"], Subjects(cut)));
    }

    [Fact]
    public async Task Searching_reloads_the_log_with_only_matching_deliveries()
    {
        var app = await StartDatabaseAsync();
        await QueueAsync(app, "Welcome", 0);
        await QueueAsync(app, "Reminder", 1);
        var cut = Render<Deliveries>();
        cut.WaitForAssertion(() => Assert.Equal(2, Subjects(cut).Length));

        cut.Find("input[aria-label='Search deliveries']").Input("welc");

        cut.WaitForAssertion(() => Assert.Equal(["Welcome"], Subjects(cut)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retrying_a_dead_delivery_queues_it_again_and_says_so()
    {
        var app = await StartDatabaseAsync();
        var id = await QueueAsync(app, "Gave up", 0, dead: true);
        var cut = Render<Deliveries>();
        var retry = cut.WaitForElement("tbody button.mud-button-root:not([disabled])");

        retry.ClickRowAction();

        cut.WaitForAssertion(() => Assert.Contains("“Gave up” is queued again.", cut.Markup));
        var status = await app.RunAsync(s => Task.FromResult(s.GetRequiredService<AppDbContext>().Outbox.Single(m => m.Id == id).Status));
        Assert.Equal(DeliveryStatus.Queued, status);
    }

    [Fact]
    public async Task On_phones_and_small_tablets_each_delivery_is_a_labelled_card()
    {
        await StartDatabaseAsync();

        var cut = Render<Deliveries>();

        Assert.Contains("mud-sm-table", cut.Find(".mud-table").ClassList);
    }

    private static string[] Subjects(IRenderedComponent<Deliveries> cut) =>
        cut.FindAll("tbody [data-testid=subject]").Select(span => span.TextContent).ToArray();

    private static Task<long> QueueAsync(Infrastructure.AppFactory app, string subject, int minutes, bool dead = false) => app.RunAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var message = OutboxMessage.Mail(new MailMessage("someone@example.com", subject, "text", "<p>html</p>"),
            new DateTime(2026, 3, 1, 9, minutes, 0, DateTimeKind.Utc));
        if (dead) message.MarkRejected("550 mailbox unavailable");
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });
}
