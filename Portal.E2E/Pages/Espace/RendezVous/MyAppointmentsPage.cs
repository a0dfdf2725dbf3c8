using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Espace.RendezVous;

/// /espace/rendez-vous: a person's appointments.
public sealed class MyAppointmentsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Mes rendez-vous");

    public ILocator Confirmed => Page.GetByText("Votre rendez-vous est confirmé").First;

    public ILocator None => Page.GetByText("Vous n'avez aucun rendez-vous prévu.");

    public Task GotoAsync() => Page.GotoAsync("/espace/rendez-vous");

    public Task MoveFirstAsync() => Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Déplacer") }).First.ClickAsync();
}
