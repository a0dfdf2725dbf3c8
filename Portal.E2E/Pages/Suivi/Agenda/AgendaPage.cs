using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Agenda;

/// /suivi/agenda: a worker's week, or their team's.
public sealed class AgendaPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/suivi/agenda");

    public Task GotoWeekAsync(DateTime day) => Page.GotoAsync($"/suivi/agenda?semaine={day:yyyy-MM-dd}");

    public Task ShowTeamAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Par équipe" }).ClickAsync();

    public ILocator TeamTitle(string team) => Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Équipe " + Regex.Escape(team)) });

    public Task MoveAppointmentOfAsync(string person) =>
        Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Déplacer : rendez-vous de " + Regex.Escape(person)) }).First.ClickAsync();
}
