using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.EndToEnd.Accessibility;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

/// <summary>How the admin lists read on a laptop with the menu open and on a phone, with the demo's data.</summary>
[Collection(DemoSiteCollection.Name)]
public class AdminListLayoutTests(DemoSite site)
{
    /// <summary>
    /// For each cell, the most lines one part of its email address takes: the parts are the cell's text pieces with an @
    /// or that look like a domain (the address may break after its @), and each line of a piece has its own top edge.
    /// </summary>
    private const string AddressLines = """
        cells => cells.map(cell => {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            let most = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!/@|^[\w.-]+\.[a-z]{2,}$/i.test(node.textContent.trim())) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                most = Math.max(most, new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size);
            }
            return [cell.textContent.trim(), String(most)];
        })
        """;

    [Theory]
    [InlineData("admin/deliveries", "To")]
    [InlineData("admin/mail", "To")]
    public async Task At_1280_px_with_the_menu_open_no_address_breaks_inside_a_name(string path, string column)
    {
        var page = await OpenAsync(path, new ViewportSize { Width = 1280, Height = 900 });
        try
        {
            var cells = page.Locator($".list-table tbody td[data-label='{column}']");
            await Expect(cells.First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Delivery log" })).ToBeVisibleAsync();

            var lines = await cells.EvaluateAllAsync<string[][]>(AddressLines);

            Assert.All(lines, cell => Assert.True(cell[1] == "1", $"/{path}: “{cell[0]}” breaks inside a name ({cell[1]} lines)"));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_the_people_search_has_room_below_the_top_of_the_list()
    {
        var page = await OpenAsync("admin/users", Browser.Phone);
        try
        {
            var list = await page.Locator(".list-table").BoundingBoxAsync();
            var search = await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search people" }).BoundingBoxAsync();

            Assert.True(search!.Y - list!.Y >= 16, $"The search field starts {search.Y - list.Y:0} px below the top of the list.");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [InlineData("admin/sessions")]
    [InlineData("admin/reviews")]
    public async Task On_a_phone_each_card_is_as_wide_as_the_list(string path)
    {
        var page = await OpenAsync(path, Browser.Phone);
        try
        {
            // Both widths in one script run: the rows are drawn again when the page goes live, and a row measured apart
            // from its list could be the one just replaced (no box at all).
            await Expect(page.Locator(".list-table tbody tr.mud-table-row").First).ToBeVisibleAsync();
            var widths = await page.EvaluateAsync<double[]>(
                "() => [document.querySelector('.list-table tbody tr.mud-table-row'), document.querySelector('.list-table tbody')].map(e => e.getBoundingClientRect().width)");

            Assert.True(widths[0] >= widths[1] - 1, $"A card is {widths[0]:0} px wide in a list {widths[1]:0} px wide.");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private async Task<IPage> OpenAsync(string path, ViewportSize viewport)
    {
        var context = await site.ContextAsync(Roles.Admin);
        await site.UseThemeAsync(context, ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        return page;
    }
}
