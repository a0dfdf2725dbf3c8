using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Espace.Donnees;

/// /espace/donnees: « Mes données », a copy made in the background, and the request for erasure.
public sealed class MyDataPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Mes données");

    public ILocator Download => Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Télécharger mes données") });

    public ILocator WhatWouldBeErased => Page.GetByRole(AriaRole.Heading, new() { Name = "Ce qui serait effacé" });

    public ILocator NoteToTheTeam => Page.GetByLabel("Un mot pour l'équipe (facultatif)");

    public ILocator Confirmation => Page.GetByLabel("Je demande l'effacement de mes données et la suppression de mon compte");

    public Task GotoAsync() => Page.GotoAsync("/espace/donnees");

    public Task PrepareAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Préparer mes données" }).ClickAsync();

    public Task AskForErasureAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Demander l'effacement" }).ClickAsync();
}
