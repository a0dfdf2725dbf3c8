using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Support;
using Portal.Domain.Work;
using Portal.Web;
using Portal.Workshops;
using static Portal.Pages.Suivi.Menages.HouseholdFileData;

namespace Portal.Pages.Suivi.Menages;

/// The overview of the household file: who they are, what they live on, where they live, the
/// support under way and the latest of the journal; each section has its own page to change it.
/// Managers choose the team and the referent here. Every opening is written to the audit log.
public class DossierModel(PortalDbContext db, TimeProvider clock) : HouseholdFilePage(db, clock)
{
    /// How many journal entries the overview shows; the journal page has them all.
    public const int LatestEntries = 5;

    /// The forms of the file used to post here before it had sections: a page left open from
    /// then still saves, at the section that now owns its form (307 keeps the post and its token).
    private static readonly Dictionary<string, string> MovedHandlers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Identity"] = "/Suivi/Menages/Identite",
        ["AddPerson"] = "/Suivi/Menages/Personnes", ["Civility"] = "/Suivi/Menages/Personnes", ["RemovePerson"] = "/Suivi/Menages/Personnes",
        ["AddIncome"] = "/Suivi/Menages/Ressources", ["RemoveIncome"] = "/Suivi/Menages/Ressources",
        ["AddPartner"] = "/Suivi/Menages/Partenaires", ["EditPartner"] = "/Suivi/Menages/Partenaires", ["RemovePartner"] = "/Suivi/Menages/Partenaires",
        ["Journal"] = "/Suivi/Menages/Journal",
    };

    public sealed record MeasureRow(long Id, SupportKind Kind, Funder Funder, DateOnly StartsOn, DateOnly EndsOn, MeasureStatus Status, ScheduledReview? NextReview);
    public sealed record DocumentRow(long Id, string Title, WorkStatus Status, DateTime CreatedAtUtc, bool SharedWithResident);

    public override string Section => "/Suivi/Menages/Dossier";
    protected override string? OpenedDetail => null;

    public IdentityRow Identity { get; private set; } = null!;
    public IReadOnlyList<PersonRow> Persons { get; private set; } = [];
    public IReadOnlyList<string> Partners { get; private set; } = [];
    public IReadOnlyList<JournalRow> Journal { get; private set; } = [];
    public int JournalCount { get; private set; }
    public StayRow? CurrentStay { get; private set; }
    public Burden Burden { get; private set; } = null!;
    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<AttendedWorkshop> Workshops { get; private set; } = [];
    public IReadOnlyList<Mediation> Mediations { get; private set; } = [];
    public IReadOnlyList<HouseholdChoices.Option> Teams { get; private set; } = [];
    public IReadOnlyList<HouseholdChoices.StaffOption> Referents { get; private set; } = [];

    public AssignInput? Assign { get; set; }

    public class AssignInput
    {
        [FrenchValue]
        [Display(Name = "Équipe")]
        public long? TeamId { get; set; }

        [StringLength(450)]
        [Display(Name = "Référent ou référente")]
        public string? ReferentId { get; set; }
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => OpenAsync(id, ct);

    /// A post to a handler this page no longer has goes on to the section that has it; any other
    /// unknown handler leads back to the file.
    public IActionResult OnPost(long id) =>
        MovedHandlers.TryGetValue(Request.Query["handler"].ToString(), out var page)
            ? RedirectToPagePreserveMethod(page, Request.Query["handler"].ToString(), new { id })
            : RedirectToPage(new { id });

    public async Task<IActionResult> OnPostAssignAsync(long id, [Bind(Prefix = nameof(Assign))] AssignInput assign, CancellationToken ct)
    {
        Assign = assign;
        var scope = await StaffScope.ForAsync(User, Db, ct);
        if (!scope.IsManager)
            return await scope.Visible(Db.Households).AnyAsync(h => h.Id == id, ct) ? Forbid() : NotFound();
        var teams = await HouseholdChoices.TeamsAsync(Db, ct);
        if (assign.TeamId is { } tid && teams.All(t => t.Id != tid))
            ModelState.AddModelError("Assign.TeamId", "Cette équipe n'existe pas : choisissez-en une dans la liste.");
        var referents = await HouseholdChoices.ReferentsAsync(Db, scope, null, ct);
        var referentId = string.IsNullOrWhiteSpace(assign.ReferentId) ? null : assign.ReferentId;
        if (referentId is not null && referents.All(r => r.Id != referentId))
            ModelState.AddModelError("Assign.ReferentId", "Choisissez le référent ou la référente dans la liste.");
        return await EditAsync(id, ct, (h, _) =>
        {
            h.AssignTo((int?)assign.TeamId, referentId);
            var team = teams.FirstOrDefault(t => t.Id == assign.TeamId)?.Name ?? "aucune";
            var referent = referents.FirstOrDefault(r => r.Id == referentId)?.Name ?? "personne";
            return Task.FromResult(("Équipe et référent", $"Le ménage est suivi par l'équipe {team}, référent : {referent}."));
        }, fragment: "suivi");
    }

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct)
    {
        var id = Header.Id;
        Assign ??= new AssignInput { TeamId = Header.TeamId, ReferentId = Header.ReferentId };
        Identity = await IdentityAsync(Db, id, ct);
        Persons = await PersonsAsync(Db, id, ct);
        Partners = await Db.HouseholdPartners.AsNoTracking().Where(p => p.HouseholdId == id)
            .OrderBy(p => p.Kind).ThenBy(p => p.Id).Select(p => p.Organisation).ToListAsync(ct);
        Journal = await JournalAsync(Db, id, CanReadConfidential, LatestEntries, ct);
        JournalCount = await Db.JournalEntries.CountAsync(j => j.HouseholdId == id, ct);
        CurrentStay = await CurrentStayAsync(Db, id, ct);
        Burden = await BurdenAsync(Db, id, await IncomesAsync(Db, id, Persons, ct), CurrentStay, ct);

        var measures = await Db.SupportMeasures.AsNoTracking().Include(m => m.RecordedReviews)
            .Where(m => m.HouseholdId == id).ToListAsync(ct);
        Measures = measures.OrderByDescending(m => m.Status == MeasureStatus.Active).ThenByDescending(m => m.StartsOn)
            .Select(m => new MeasureRow(m.Id, m.Kind, m.Funder, m.StartsOn, m.EndsOn, m.Status, m.Status == MeasureStatus.Active ? m.NextReview(Today) : null))
            .ToList();
        Documents = await Db.DocumentRequests.AsNoTracking().Where(d => d.HouseholdId == id)
            .OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id).Take(50)
            .Select(d => new DocumentRow(d.Id, d.Title, d.Status, d.CreatedAtUtc, d.SharedWithResident)).ToListAsync(ct);
        Workshops = await HouseholdWorkshops.AttendedAsync(Db, id, Header.ResidentId, ct);
        Mediations = await Db.Mediations.AsNoTracking().Where(m => m.HouseholdId == id)
            .OrderBy(m => m.Outcome != null).ThenByDescending(m => m.StartedOn).ToListAsync(ct);

        if (IsManager)
        {
            Teams = await HouseholdChoices.TeamsAsync(Db, ct);
            Referents = await HouseholdChoices.ReferentsAsync(Db, scope, Header.ReferentId, ct);
        }
    }
}
