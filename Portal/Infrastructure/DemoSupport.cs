using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Support;

namespace Portal.Infrastructure;

/// Demo data for support (see Seeder, after DemoCaseFiles): an IML measure with its sliding lease,
/// payments (one late), action plan and 6-month review; an ASLL whose review is late; a MASP; a
/// household on the watch list; an incident awaiting follow-up; the aid fund of this year and the
/// next with two grants. Dates are relative to today. Runs once (nothing if a measure exists).
public static class DemoSupport
{
    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        if (await db.SupportMeasures.AnyAsync(ct)) return;
        var households = await db.Households.Where(h => h.Status == HouseholdStatus.Active)
            .OrderBy(h => h.Name).ThenBy(h => h.Id).Take(5).ToListAsync(ct);
        if (households.Count < 5) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(French.ToParis(now));
        var fallbackAuthor = await db.Users.Where(u => u.Email == "travailleur1@demo.passerelle.fr").Select(u => u.Id).FirstOrDefaultAsync(ct)
            ?? await db.Users.Select(u => u.Id).FirstAsync(ct);
        string Author(Household h) => h.ReferentId ?? fallbackAuthor;
        void Journal(Household h, DateOnly on, JournalKind kind, string text) => db.JournalEntries.Add(new JournalEntry
        {
            HouseholdId = h.Id, Kind = kind, OccurredOn = on, AuthorId = Author(h), AuthorName = "Équipe Passerelle", Text = text, CreatedAtUtc = now,
        });

        // 1. IML « sortie de structures » with a sliding lease, seven months in.
        var iml = households[0];
        var imlStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-7);
        var imlMeasure = SupportMeasure.Open(iml.Id, SupportKind.Iml, Funder.Drihl, imlStart, 12);
        var budget = imlMeasure.AddAxis(ActionArea.Budget, "Tenir un budget mensuel et constituer une petite épargne.", "Point budget mensuel avec la conseillère ESF.\nQui : le ménage et la CESF");
        var rent = imlMeasure.AddAxis(ActionArea.RentPayment, "Payer le loyer résiduel chaque mois sans retard.", "Mise en place d'un prélèvement le 5 du mois.\nQui : le ménage, le référent");
        var rehousing = imlMeasure.AddAxis(ActionArea.Rehousing, "Préparer le glissement du bail à un an.", "Rencontre avec le bailleur au bilan de 6 mois.\nQui : le référent et le bailleur");
        budget.MoveTo(AxisStatus.InProgress);
        rent.MoveTo(AxisStatus.InProgress);
        budget.AddNote(imlStart.AddMonths(1), Author(iml), "Premier budget établi ensemble ; dépenses de téléphonie à renégocier.");
        rent.AddNote(imlStart.AddMonths(3), Author(iml), "Un retard de paiement en troisième mois, régularisé le mois suivant.");
        rehousing.AddNote(imlStart.AddMonths(5), Author(iml), "Le bailleur est favorable à un glissement si les paiements restent réguliers.");
        imlMeasure.WriteDiagnostic("Sortie de CHRS après deux ans ; ressources stables (salaire à temps partiel et APL), dettes anciennes réglées. Besoin d'un appui sur le budget et le lien avec le bailleur.",
            imlStart, Author(iml), "Équipe Passerelle", now);
        db.SupportMeasures.Add(imlMeasure);
        await db.SaveChangesAsync(ct);
        Journal(iml, imlStart, JournalKind.Interview, Diagnostic.JournalLine(imlMeasure.Id));

        var dwelling = await db.Stays.Where(s => s.HouseholdId == iml.Id && s.Status == StayStatus.Active)
            .Join(db.Dwellings, s => s.DwellingId, d => d.Id, (s, d) => d)
            .Where(d => d.AssociationHoldsLease).FirstOrDefaultAsync(ct);
        var lease = new SlidingLease(iml.Id, imlMeasure.Id, dwelling?.Landlord ?? "Habitat du Nord (ESH)", imlStart, 420m, 60m);
        if (dwelling is not null) lease.AttachDwelling(dwelling.Id);
        for (var i = 0; i <= 7; i++)
        {
            // The third month is paid late, with the fourth.
            if (i == 2) continue;
            var paidOn = imlStart.AddMonths(i).AddDays(4);
            if (paidOn > today) break;
            lease.RecordPayment(paidOn, i == 3 ? 960m : 480m, i == 3 ? $"Virement {i + 1} (régularisation)" : $"Virement {i + 1}");
        }
        db.SlidingLeases.Add(lease);
        imlMeasure.RecordReview(6, imlStart.AddMonths(6), ReviewDecision.Continue,
            "Situation stable ; un retard de loyer régularisé. Poursuite de la mesure, glissement à envisager au bilan d'un an.");
        Journal(iml, imlStart.AddMonths(6), JournalKind.Interview, "Bilan à 6 mois (IML sortie de structures) — décision : Poursuite de la mesure.");

        // 2. ASLL whose 6-month review is late: shown in red.
        var asll = households[1];
        var asllMeasure = SupportMeasure.Open(asll.Id, SupportKind.Asll, Funder.FslDepartment, today.AddMonths(-7).AddDays(-3), 12);
        asllMeasure.AddAxis(ActionArea.RightsAccess, "Ouvrir les droits CAF après le changement de situation.", "Dossier CAF, rendez-vous CCAS.\nQui : le référent");
        db.SupportMeasures.Add(asllMeasure);

        // 3. MASP niveau 2, started two months ago.
        var masp = households[2];
        var maspMeasure = SupportMeasure.Open(masp.Id, SupportKind.Masp, Funder.FslDepartment, today.AddMonths(-2), 12);
        maspMeasure.AddAxis(ActionArea.Budget, "Gérer les prestations sociales et apurer la dette d'énergie.", "Plan d'apurement avec le fournisseur.\nQui : le ménage et le référent");
        db.SupportMeasures.Add(maspMeasure);

        // 4. Watch list: flagged two months ago, not yet reviewed this month.
        var watched = households[3];
        var entry = new WatchListEntry(watched.Id, today.AddMonths(-2).AddDays(-5), Author(watched), "Isolement marqué et impayés récents ; refus des visites à domicile.");
        entry.AddNote(today.AddMonths(-2), Author(watched), "Contact repris par téléphone ; visite prévue avec l'infirmière du CMP.");
        entry.AddNote(today.AddMonths(-1), Author(watched), "Visite faite ; le logement est entretenu, la personne accepte un rendez-vous par mois.");
        db.WatchListEntries.Add(entry);

        // 5. An incident awaiting follow-up.
        db.Incidents.Add(new Incident(today.AddDays(-3), IncidentKind.Assault,
            "Altercation dans le hall entre un résident et un visiteur ; la police est intervenue.", householdId: households[4].Id,
            residenceId: await db.Residences.OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct)));

        // 6. Housing aid fund: this year and next, two grants.
        var funds = new List<HousingAidFund> { new(today.Year, 24_000m), new(today.Year + 1, 24_000m) };
        db.HousingAidFunds.AddRange(funds);
        var grants = new List<AidGrant>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        grants.Add(AidFund.Grant(masp.Id, 150m, 6, thisMonth.Month == 1 ? thisMonth : thisMonth.AddMonths(-1), funds, grants));
        grants.Add(AidFund.Grant(watched.Id, 200m, 10, thisMonth, funds, grants));
        db.AidGrants.AddRange(grants);

        await db.SaveChangesAsync(ct);
    }
}
