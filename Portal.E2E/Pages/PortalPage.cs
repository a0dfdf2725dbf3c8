using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages;

/// What every portal page shares: its main region, its first-level heading, the layout's
/// « Se déconnecter » button and the status messages pages show after a post.
public abstract class PortalPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    public ILocator Heading(Regex name) => Page.GetByRole(AriaRole.Heading, new() { NameRegex = name, Level = 1 });

    public ILocator Text(string text) => Page.GetByText(text);

    public ILocator Text(Regex text) => Page.GetByText(text);

    public ILocator Status(string text) => Main.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    public Task ExpectHeadingAsync(string name) => Expect(Heading(name)).ToBeVisibleAsync();

    public Task SignOutAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

    /// Marks the window, so that <see cref="StayedOnTheSamePageAsync"/> tells an in-place update from a reload.
    public Task MarkThePageAsync() => Page.EvaluateAsync("() => { window.__samePage = true; }");

    public Task<bool> StayedOnTheSamePageAsync() => Page.EvaluateAsync<bool>("() => window.__samePage === true");

    public ILocator DownloadLink(string startingWith) =>
        Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(startingWith)) }).First;
}
