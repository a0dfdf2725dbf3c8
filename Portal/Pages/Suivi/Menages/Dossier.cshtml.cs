using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Domain.Work;
using Portal.Web;
using Portal.Workshops;

namespace Portal.Pages.Suivi.Menages;

/// The household file: who they are, what they live on, who works with them, and the journal of
/// the support. Every opening is written to the audit log.
public class DossierModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const string ConcurrencyMessage = "Ce dossier vient d'être modifié par quelqu'un d'autre : la page montre maintenant sa dernière version. Vérifiez puis enregistrez à nouveau (ce que vous aviez saisi est conservé).";
    public const string MaskedEntry = "Note confidentielle — visible par le référent et les responsables";

    public static readonly JournalKind[] WritableKinds =
        [JournalKind.Interview, JournalKind.HomeVisit, JournalKind.PhoneCall, JournalKind.PartnerStep, JournalKind.Note];

    public sealed record Summary(
        long Id, string Name, HouseholdStatus Status, int Version, int? TeamId, string? TeamName, string? ReferentId, string? ReferentName,
        long? HousingRequestId, string? RequestReference, string? ResidentId, string? Phone, string? Email, string? Address, string? Town,
        CurrentSituation? Situation, string? SituationDetails, TargetGroups TargetGroups, bool IsDalo, bool IsSingleParent,
        decimal? CurrentRent, decimal? CurrentCharges, DateOnly? ExitedOn, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);
    public sealed record PersonRow(long Id, string FirstName, string LastName, DateOnly? BirthDate, Relationship Relationship, Civility? Civility);
    public sealed record IncomeRow(long Id, long? PersonId, string? PersonName, IncomeKind Kind, decimal MonthlyAmount);
    public sealed record PartnerRow(long Id, PartnerKind Kind, string Organisation, string? ContactName, string? Phone, string? Email, string? Notes);
    /// Text is null when the entry is confidential and the reader may not see it.
    public sealed record JournalRow(long Id, JournalKind Kind, DateOnly OccurredOn, string AuthorName, string? Text, bool IsConfidential, DateTime CreatedAtUtc);
    public sealed record StayRow(long Id, string Dwelling, string Residence, string? Address, DateOnly StartsOn, DateOnly EndsOn, DateOnly? ExitedOn, StayStatus Status, decimal Rent, decimal Charges);
    public sealed record MeasureRow(long Id, SupportKind Kind, Funder Funder, DateOnly StartsOn, DateOnly EndsOn, MeasureStatus Status, ScheduledReview? NextReview);
    public sealed record DocumentRow(long Id, string Title, WorkStatus Status, DateTime CreatedAtUtc, bool SharedWithResident);
    public sealed record RentSource(decimal Rent, decimal Charges, string Label);

    public Summary Info { get; private set; } = null!;
    public IReadOnlyList<PersonRow> Persons { get; private set; } = [];
    public IReadOnlyList<IncomeRow> Incomes { get; private set; } = [];
    public IReadOnlyList<PartnerRow> Partners { get; private set; } = [];
    public IReadOnlyList<JournalRow> Journal { get; private set; } = [];
    public StayRow? CurrentStay { get; private set; }
    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<AttendedWorkshop> Workshops { get; private set; } = [];
    public IReadOnlyList<Mediation> Mediations { get; private set; } = [];
    public RentSource? Rent { get; private set; }
    public RentBurden? Burden { get; private set; }
    public bool IsManager { get; private set; }
    public bool CanReadConfidential { get; private set; }
    public IReadOnlyList<HouseholdChoices.Option> Teams { get; private set; } = [];
    public IReadOnlyList<HouseholdChoices.StaffOption> Referents { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// The partner whose edit form is open again after an error.
    public long? EditingPartnerId { get; private set; }

    public IdentityInput? Identity { get; set; }
    public PersonInput Person { get; set; } = new();
    public IncomeInput Income { get; set; } = new();
    public PartnerInput Partner { get; set; } = new();
    public PartnerInput EditPartner { get; set; } = new();
    public AssignInput? Assign { get; set; }
    public JournalInput Entry { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class IdentityInput
    {
        [Required(ErrorMessage = "Indiquez le nom du ménage, par exemple « DURAND Marie ».")]
        [StringLength(250, ErrorMessage = "Le nom du ménage est trop long : 250 caractères au plus.")]
        [PlainText]
        [Display(Name = "Nom du ménage")]
        public string? Name { get; set; }

        [StringLength(30, ErrorMessage = "Le numéro de téléphone est trop long : 30 caractères au plus.")]
        [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide, par exemple 06 12 34 56 78.")]
        [Display(Name = "Téléphone")]
        public string? Phone { get; set; }

        [StringLength(256, ErrorMessage = "L'adresse électronique est trop longue : 256 caractères au plus.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide, par exemple marie.durand@exemple.fr.")]
        [Display(Name = "Adresse électronique")]
        public string? Email { get; set; }

        [StringLength(500, ErrorMessage = "L'adresse est trop longue : 500 caractères au plus.")]
        [PlainText]
        [Display(Name = "Adresse")]
        public string? Address { get; set; }

        [StringLength(120, ErrorMessage = "Le nom de la commune est trop long : 120 caractères au plus.")]
        [PlainText]
        [Display(Name = "Commune")]
        public string? Town { get; set; }

        [FrenchValue]
        [Display(Name = "Situation actuelle")]
        public CurrentSituation? Situation { get; set; }

        [StringLength(4000, ErrorMessage = "Les précisions sont trop longues : 4 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Précisions sur la situation")]
        public string? SituationDetails { get; set; }

        [FrenchValue]
        public TargetGroups TargetGroups { get; set; }

        [FrenchValue]
        public bool IsDalo { get; set; }

        [FrenchValue]
        public bool IsSingleParent { get; set; }

        [FrenchValue]
        [Range(0, 100000, ErrorMessage = "Le loyer doit être compris entre 0 et 100 000 €.")]
        [Display(Name = "Loyer actuel hors charges (facultatif)")]
        public decimal? CurrentRent { get; set; }

        [FrenchValue]
        [Range(0, 100000, ErrorMessage = "Les charges doivent être comprises entre 0 et 100 000 €.")]
        [Display(Name = "Charges actuelles (facultatif)")]
        public decimal? CurrentCharges { get; set; }

        public static IdentityInput From(Summary s) => new()
        {
            Name = s.Name, Phone = s.Phone, Email = s.Email, Address = s.Address, Town = s.Town, Situation = s.Situation,
            SituationDetails = s.SituationDetails, TargetGroups = s.TargetGroups, IsDalo = s.IsDalo, IsSingleParent = s.IsSingleParent,
            CurrentRent = s.CurrentRent, CurrentCharges = s.CurrentCharges,
        };
    }

    public class PersonInput
    {
        [Required(ErrorMessage = "Indiquez le prénom de cette personne.")]
        [StringLength(100, ErrorMessage = "Le prénom est trop long : 100 caractères au plus.")]
        [PlainText]
        [Display(Name = "Prénom")]
        public string? FirstName { get; set; }

        [Required(ErrorMessage = "Indiquez le nom de cette personne.")]
        [StringLength(100, ErrorMessage = "Le nom est trop long : 100 caractères au plus.")]
        [PlainText]
        [Display(Name = "Nom")]
        public string? LastName { get; set; }

        [FrenchValue]
        [Display(Name = "Date de naissance (facultatif)")]
        public DateOnly? BirthDate { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Indiquez le lien de cette personne avec le ménage.")]
        [Display(Name = "Lien")]
        public Relationship? Relationship { get; set; }

        [FrenchValue]
        [Display(Name = "Civilité (facultatif)")]
        public Civility? Civility { get; set; }
    }

    public class IncomeInput
    {
        [FrenchValue]
        [Display(Name = "Personne")]
        public long? PersonId { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Choisissez le type de ressource.")]
        [Display(Name = "Ressource")]
        public IncomeKind? Kind { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Indiquez le montant mensuel, par exemple 850 ou 1 234,56.")]
        [Range(0.01, 100000, ErrorMessage = "Le montant mensuel doit être compris entre 0,01 et 100 000 €.")]
        [Display(Name = "Montant par mois (€)")]
        public decimal? MonthlyAmount { get; set; }
    }

    public class PartnerInput
    {
        [FrenchValue]
        [Required(ErrorMessage = "Choisissez le type de partenaire.")]
        [Display(Name = "Type de partenaire")]
        public PartnerKind? Kind { get; set; }

        [Required(ErrorMessage = "Indiquez l'organisme, par exemple « CCAS de Lille ».")]
        [StringLength(200, ErrorMessage = "Le nom de l'organisme est trop long : 200 caractères au plus.")]
        [PlainText]
        [Display(Name = "Organisme")]
        public string? Organisation { get; set; }

        [StringLength(200, ErrorMessage = "Le nom du contact est trop long : 200 caractères au plus.")]
        [PlainText]
        [Display(Name = "Interlocuteur (facultatif)")]
        public string? ContactName { get; set; }

        [StringLength(30, ErrorMessage = "Le numéro de téléphone est trop long : 30 caractères au plus.")]
        [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide, par exemple 03 20 12 34 56.")]
        [Display(Name = "Téléphone (facultatif)")]
        public string? Phone { get; set; }

        [StringLength(256, ErrorMessage = "L'adresse électronique est trop longue : 256 caractères au plus.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide, par exemple contact@ccas-lille.fr.")]
        [Display(Name = "Adresse électronique (facultatif)")]
        public string? Email { get; set; }

        [StringLength(2000, ErrorMessage = "Les notes sont trop longues : 2 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Notes (facultatif)")]
        public string? Notes { get; set; }
    }

    public class AssignInput
    {
        [FrenchValue]
        [Display(Name = "Équipe")]
        public long? TeamId { get; set; }

        [StringLength(450)]
        [Display(Name = "Référent ou référente")]
        public string? ReferentId { get; set; }
    }

    public class JournalInput
    {
        [FrenchValue]
        [Required(ErrorMessage = "Choisissez le type d'entrée.")]
        [Display(Name = "Type")]
        public JournalKind? Kind { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Indiquez la date, par exemple 14/07/2026.")]
        [Display(Name = "Date")]
        public DateOnly? OccurredOn { get; set; }

        [Required(ErrorMessage = "Écrivez le contenu de l'entrée.")]
        [StringLength(10000, ErrorMessage = "Le texte est trop long : 10 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Texte")]
        public string? Text { get; set; }

        [FrenchValue]
        public bool IsConfidential { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        scope.Audit(db, AuditActions.OpenedFile, id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// A post to an unknown handler lands here: back to the file.
    public IActionResult OnPost(long id) => Redirect($"/suivi/menages/{id}");

    public Task<IActionResult> OnPostIdentityAsync(long id, string? version, [Bind(Prefix = nameof(Identity))] IdentityInput identity, CancellationToken ct)
    {
        Identity = identity;
        if (identity.Name is not null && HouseholdFactory.SearchKey(identity.Name).Length == 0)
            ModelState.AddModelError("Identity.Name", "Le nom du ménage doit contenir au moins une lettre.");
        return EditAsync(id, version, "identite", ct, (h, _) =>
        {
            h.Name = identity.Name!.Trim();
            h.SearchName = HouseholdFactory.SearchKey(h.Name);
            h.Phone = Clean(identity.Phone);
            h.Email = Clean(identity.Email);
            h.Address = Clean(identity.Address);
            h.Town = Clean(identity.Town);
            h.Situation = identity.Situation;
            h.SituationDetails = Clean(identity.SituationDetails);
            h.TargetGroups = identity.TargetGroups;
            h.IsDalo = identity.IsDalo;
            h.IsSingleParent = identity.IsSingleParent;
            h.CurrentRent = identity.CurrentRent;
            h.CurrentCharges = identity.CurrentCharges;
            return Task.FromResult(("Identité et situation", "L'identité et la situation du ménage sont enregistrées."));
        });
    }

    public Task<IActionResult> OnPostAddPersonAsync(long id, string? version, [Bind(Prefix = nameof(Person))] PersonInput person, CancellationToken ct)
    {
        Person = person;
        HouseholdChoices.CheckBirthDate(ModelState, "Person.BirthDate", person.BirthDate, ParisToday());
        return EditAsync(id, version, "personnes", ct, async (h, _) =>
        {
            var position = await db.HouseholdPersons.Where(p => p.HouseholdId == h.Id).Select(p => (int?)p.Position).MaxAsync(ct) ?? -1;
            db.HouseholdPersons.Add(new HouseholdPerson
            {
                HouseholdId = h.Id, FirstName = person.FirstName!.Trim(), LastName = person.LastName!.Trim(),
                BirthDate = person.BirthDate, Relationship = person.Relationship!.Value, Civility = person.Civility, Position = position + 1,
            });
            return ("Personne ajoutée", $"{person.FirstName!.Trim()} {person.LastName!.Trim()} est ajouté(e) au ménage.");
        });
    }

    /// Madame, Monsieur or not recorded: how the contracts and reviews name the person.
    public Task<IActionResult> OnPostCivilityAsync(long id, string? version, long personId, string? civility, CancellationToken ct)
    {
        Civility? chosen = null;
        if (!string.IsNullOrEmpty(civility))
        {
            if (Enum.TryParse<Civility>(civility, out var c) && Enum.IsDefined(c) && !char.IsDigit(civility[0])) chosen = c;
            else ModelState.AddModelError("", "Choisissez la civilité dans la liste : Madame, Monsieur ou « Non indiquée ».");
        }
        return EditAsync(id, version, "personnes", ct, async (h, _) =>
        {
            var person = await db.HouseholdPersons.SingleOrDefaultAsync(p => p.Id == personId && p.HouseholdId == h.Id, ct)
                ?? throw new DomainRuleException("Cette personne ne fait plus partie du ménage.");
            person.Civility = chosen;
            return ("Civilité d'une personne", chosen is { } c
                ? $"{person.FullName} : civilité « {Labels.Of(c)} » enregistrée."
                : $"{person.FullName} : civilité retirée, les documents la nomment par son prénom et son nom.");
        });
    }

    public Task<IActionResult> OnPostRemovePersonAsync(long id, string? version, long personId, CancellationToken ct) =>
        EditAsync(id, version, "personnes", ct, async (h, _) =>
        {
            var person = await db.HouseholdPersons.SingleOrDefaultAsync(p => p.Id == personId && p.HouseholdId == h.Id, ct)
                ?? throw new DomainRuleException("Cette personne ne fait plus partie du ménage.");
            // Their resources leave with them (cascade).
            db.HouseholdPersons.Remove(person);
            return ("Personne retirée", $"{person.FullName} est retiré(e) du ménage, avec ses ressources.");
        });

    public Task<IActionResult> OnPostAddIncomeAsync(long id, string? version, [Bind(Prefix = nameof(Income))] IncomeInput income, CancellationToken ct)
    {
        Income = income;
        return EditAsync(id, version, "ressources", ct, async (h, _) =>
        {
            if (income.PersonId is { } pid && !await db.HouseholdPersons.AnyAsync(p => p.Id == pid && p.HouseholdId == h.Id, ct))
                throw new DomainRuleException("Cette personne ne fait pas partie du ménage : choisissez-la dans la liste.", $"{nameof(Income)}.{nameof(IncomeInput.PersonId)}");
            db.HouseholdIncomes.Add(new HouseholdIncome
            {
                HouseholdId = h.Id, HouseholdPersonId = income.PersonId, Kind = income.Kind!.Value, MonthlyAmount = income.MonthlyAmount!.Value,
            });
            return ("Ressource ajoutée", $"La ressource « {Labels.Of(income.Kind!.Value)} » de {French.Money(income.MonthlyAmount!.Value)} par mois est ajoutée.");
        });
    }

    public Task<IActionResult> OnPostRemoveIncomeAsync(long id, string? version, long incomeId, CancellationToken ct) =>
        EditAsync(id, version, "ressources", ct, async (h, _) =>
        {
            var income = await db.HouseholdIncomes.SingleOrDefaultAsync(i => i.Id == incomeId && i.HouseholdId == h.Id, ct)
                ?? throw new DomainRuleException("Cette ressource a déjà été retirée.");
            db.HouseholdIncomes.Remove(income);
            return ("Ressource retirée", $"La ressource « {Labels.Of(income.Kind)} » est retirée.");
        });

    public Task<IActionResult> OnPostAddPartnerAsync(long id, string? version, [Bind(Prefix = nameof(Partner))] PartnerInput partner, CancellationToken ct)
    {
        Partner = partner;
        return EditAsync(id, version, "partenaires", ct, (h, _) =>
        {
            var row = new HouseholdPartner { HouseholdId = h.Id };
            Apply(row, partner);
            db.HouseholdPartners.Add(row);
            return Task.FromResult(("Partenaire ajouté", $"Le partenaire {row.Organisation} est ajouté."));
        });
    }

    public Task<IActionResult> OnPostEditPartnerAsync(long id, string? version, long partnerId, [Bind(Prefix = nameof(EditPartner))] PartnerInput partner, CancellationToken ct)
    {
        EditPartner = partner;
        EditingPartnerId = partnerId;
        return EditAsync(id, version, "partenaires", ct, async (h, _) =>
        {
            var row = await db.HouseholdPartners.SingleOrDefaultAsync(p => p.Id == partnerId && p.HouseholdId == h.Id, ct)
                ?? throw new DomainRuleException("Ce partenaire a été retiré du dossier entre-temps.");
            Apply(row, partner);
            return ("Partenaire modifié", $"Le partenaire {row.Organisation} est modifié.");
        });
    }

    public Task<IActionResult> OnPostRemovePartnerAsync(long id, string? version, long partnerId, CancellationToken ct) =>
        EditAsync(id, version, "partenaires", ct, async (h, _) =>
        {
            var row = await db.HouseholdPartners.SingleOrDefaultAsync(p => p.Id == partnerId && p.HouseholdId == h.Id, ct)
                ?? throw new DomainRuleException("Ce partenaire a déjà été retiré du dossier.");
            db.HouseholdPartners.Remove(row);
            return ("Partenaire retiré", $"Le partenaire {row.Organisation} est retiré du dossier.");
        });

    public async Task<IActionResult> OnPostAssignAsync(long id, string? version, [Bind(Prefix = nameof(Assign))] AssignInput assign, CancellationToken ct)
    {
        Assign = assign;
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!scope.IsManager)
            return await scope.Visible(db.Households).AnyAsync(h => h.Id == id, ct) ? Forbid() : NotFound();
        var teams = await HouseholdChoices.TeamsAsync(db, ct);
        if (assign.TeamId is { } tid && teams.All(t => t.Id != tid))
            ModelState.AddModelError("Assign.TeamId", "Cette équipe n'existe pas : choisissez-en une dans la liste.");
        var referents = await HouseholdChoices.ReferentsAsync(db, scope, null, ct);
        var referentId = string.IsNullOrWhiteSpace(assign.ReferentId) ? null : assign.ReferentId;
        if (referentId is not null && referents.All(r => r.Id != referentId))
            ModelState.AddModelError("Assign.ReferentId", "Choisissez le référent ou la référente dans la liste.");
        return await EditAsync(id, version, "suivi", ct, (h, _) =>
        {
            h.AssignTo((int?)assign.TeamId, referentId);
            var team = teams.FirstOrDefault(t => t.Id == assign.TeamId)?.Name ?? "aucune";
            var referent = referents.FirstOrDefault(r => r.Id == referentId)?.Name ?? "personne";
            return Task.FromResult(("Équipe et référent", $"Le ménage est suivi par l'équipe {team}, référent : {referent}."));
        });
    }

    public async Task<IActionResult> OnPostJournalAsync(long id, [Bind(Prefix = nameof(Entry))] JournalInput entry, CancellationToken ct)
    {
        Entry = entry;
        var scope = await StaffScope.ForAsync(User, db, ct);
        var household = await scope.Visible(db.Households).Where(h => h.Id == id).Select(h => new { h.Id }).SingleOrDefaultAsync(ct);
        if (household is null) return NotFound();
        var today = ParisToday();
        if (entry.Kind is { } kind && !WritableKinds.Contains(kind))
            ModelState.AddModelError("Entry.Kind", "Choisissez le type d'entrée dans la liste.");
        if (entry.OccurredOn is { } on && ModelState.GetValidationState("Entry.OccurredOn") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            if (on > today) ModelState.AddModelError("Entry.OccurredOn", "La date ne peut pas être dans le futur : le journal raconte ce qui a eu lieu.");
            else if (on < new DateOnly(2000, 1, 1)) ModelState.AddModelError("Entry.OccurredOn", "Vérifiez l'année : elle doit être après 2000.");
        }
        if (entry.Text is not null && string.IsNullOrWhiteSpace(entry.Text))
            ModelState.AddModelError("Entry.Text", "Écrivez le contenu de l'entrée.");
        if (ModelState.IsValid)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.JournalEntries.Add(new JournalEntry
            {
                HouseholdId = id, Kind = entry.Kind!.Value, OccurredOn = entry.OccurredOn!.Value, AuthorId = scope.UserId,
                AuthorName = scope.UserName.Length > 200 ? scope.UserName[..200] : scope.UserName,
                Text = entry.Text!.Trim(), IsConfidential = entry.IsConfidential, CreatedAtUtc = now,
            });
            scope.Audit(db, AuditActions.ChangedFile, id, now, "Entrée ajoutée au journal");
            await db.SaveChangesAsync(ct);
            StatusMessage = entry.IsConfidential ? "L'entrée confidentielle est ajoutée au journal." : "L'entrée est ajoutée au journal.";
            return Redirect($"/suivi/menages/{id}#journal");
        }
        await LoadAsync(id, scope, ct);
        return Page();
    }

    /// Loads the household within the user's scope, checks the version they saw, applies one change
    /// and saves it with an audit line; a refusal or a concurrent change is shown on the page with
    /// everything they typed.
    private async Task<IActionResult> EditAsync(long id, string? version, string anchor, CancellationToken ct,
        Func<Household, StaffScope, Task<(string Detail, string Done)>> edit)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var household = await scope.Visible(db.Households).SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return NotFound();

        if (!int.TryParse(version, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seen) || seen != household.Version)
            ModelState.AddModelError("", ConcurrencyMessage);
        if (ModelState.IsValid)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var (detail, done) = await edit(household, scope);
                household.Touch(now);
                scope.Audit(db, AuditActions.ChangedFile, id, now, detail);
                await db.SaveChangesAsync(ct);
                StatusMessage = done;
                return Redirect($"/suivi/menages/{id}#{anchor}");
            }
            catch (DomainRuleException e)
            {
                // At the field of the form it concerns when the page has that field, else above the forms.
                ModelState.AddModelError(e.Field is { } field && ModelState.ContainsKey(field) ? field : "", e.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("", ConcurrencyMessage);
            }
            db.ChangeTracker.Clear();
        }
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(long id, StaffScope scope, CancellationToken ct)
    {
        IsManager = scope.IsManager;
        Today = ParisToday();
        var info = await scope.Visible(db.Households.AsNoTracking())
            .Where(h => h.Id == id)
            .Select(h => new Summary(
                h.Id, h.Name, h.Status, h.Version, h.TeamId, db.Teams.Where(t => t.Id == h.TeamId).Select(t => t.Name).FirstOrDefault(), h.ReferentId,
                db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.FullName).FirstOrDefault(), h.HousingRequestId,
                db.HousingRequests.Where(r => r.Id == h.HousingRequestId).Select(r => r.Reference).FirstOrDefault(), h.ResidentId,
                h.Phone, h.Email, h.Address, h.Town, h.Situation, h.SituationDetails, h.TargetGroups, h.IsDalo, h.IsSingleParent,
                h.CurrentRent, h.CurrentCharges, h.ExitedOn, h.CreatedAtUtc, h.UpdatedAtUtc))
            .SingleOrDefaultAsync(ct);
        if (info is null) return false;
        Info = info;
        CanReadConfidential = scope.CanReadConfidential(info.ReferentId);
        Identity ??= IdentityInput.From(info);
        Assign ??= new AssignInput { TeamId = info.TeamId, ReferentId = info.ReferentId };

        Persons = await db.HouseholdPersons.AsNoTracking().Where(p => p.HouseholdId == id)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PersonRow(p.Id, p.FirstName, p.LastName, p.BirthDate, p.Relationship, p.Civility)).ToListAsync(ct);
        var incomes = await db.HouseholdIncomes.AsNoTracking().Where(i => i.HouseholdId == id)
            .Select(i => new { i.Id, i.HouseholdPersonId, i.Kind, i.MonthlyAmount }).ToListAsync(ct);
        Incomes = incomes
            .Select(i => new IncomeRow(i.Id, i.HouseholdPersonId, Persons.FirstOrDefault(p => p.Id == i.HouseholdPersonId) is { } p ? $"{p.FirstName} {p.LastName}" : null, i.Kind, i.MonthlyAmount))
            .OrderBy(i => i.PersonId is { } pid ? Persons.ToList().FindIndex(p => p.Id == pid) : -1).ThenBy(i => i.Id)
            .ToList();
        Partners = await db.HouseholdPartners.AsNoTracking().Where(p => p.HouseholdId == id)
            .OrderBy(p => p.Kind).ThenBy(p => p.Id)
            .Select(p => new PartnerRow(p.Id, p.Kind, p.Organisation, p.ContactName, p.Phone, p.Email, p.Notes)).ToListAsync(ct);
        var journal = await db.JournalEntries.AsNoTracking().Where(j => j.HouseholdId == id)
            .OrderByDescending(j => j.OccurredOn).ThenByDescending(j => j.CreatedAtUtc).ThenByDescending(j => j.Id)
            .Select(j => new JournalRow(j.Id, j.Kind, j.OccurredOn, j.AuthorName, j.Text, j.IsConfidential, j.CreatedAtUtc))
            .ToListAsync(ct);
        // The text of a confidential entry never reaches the page of someone who may not read it.
        Journal = CanReadConfidential ? journal : journal.Select(j => j.IsConfidential ? j with { Text = null } : j).ToList();

        CurrentStay = await (from s in db.Stays.AsNoTracking()
                             join d in db.Dwellings.AsNoTracking() on s.DwellingId equals d.Id
                             join r in db.Residences.AsNoTracking() on d.ResidenceId equals r.Id
                             where s.HouseholdId == id && s.Status == StayStatus.Active
                             select new StayRow(s.Id, d.Label, r.Name, d.Address ?? r.Address, s.StartsOn, s.EndsOn, s.ExitedOn, s.Status, d.Rent, d.Charges))
            .FirstOrDefaultAsync(ct);

        var measures = await db.SupportMeasures.AsNoTracking().Include(m => m.RecordedReviews)
            .Where(m => m.HouseholdId == id).ToListAsync(ct);
        Measures = measures.OrderByDescending(m => m.Status == MeasureStatus.Active).ThenByDescending(m => m.StartsOn)
            .Select(m => new MeasureRow(m.Id, m.Kind, m.Funder, m.StartsOn, m.EndsOn, m.Status, m.Status == MeasureStatus.Active ? m.NextReview(Today) : null))
            .ToList();

        Documents = await db.DocumentRequests.AsNoTracking().Where(d => d.HouseholdId == id)
            .OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id).Take(50)
            .Select(d => new DocumentRow(d.Id, d.Title, d.Status, d.CreatedAtUtc, d.SharedWithResident)).ToListAsync(ct);

        Workshops = await HouseholdWorkshops.AttendedAsync(db, id, info.ResidentId, ct);
        Mediations = await db.Mediations.AsNoTracking().Where(m => m.HouseholdId == id)
            .OrderBy(m => m.Outcome != null).ThenByDescending(m => m.StartedOn).ToListAsync(ct);

        Rent = await RentSourceAsync(id, info, ct);
        if (Rent is { } rent)
            Burden = RentBurden.From(Incomes.Select(i => (i.Kind, i.MonthlyAmount)), rent.Rent, rent.Charges);

        if (IsManager)
        {
            Teams = await HouseholdChoices.TeamsAsync(db, ct);
            Referents = await HouseholdChoices.ReferentsAsync(db, scope, info.ReferentId, ct);
        }
        return true;
    }

    /// What the household pays for housing: the dwelling of its stay, else the sliding lease, else
    /// what it declared where it lives now.
    private async Task<RentSource?> RentSourceAsync(long id, Summary info, CancellationToken ct)
    {
        if (CurrentStay is { } stay)
            return new RentSource(stay.Rent, stay.Charges, $"logement {stay.Dwelling} ({stay.Residence}), séjour en cours");
        var lease = await db.SlidingLeases.AsNoTracking()
            .Where(l => l.HouseholdId == id && l.Status == LeaseStatus.Sublet)
            .OrderByDescending(l => l.StartsOn)
            .Select(l => new { l.Rent, l.Charges, l.Landlord }).FirstOrDefaultAsync(ct);
        if (lease is not null)
            return new RentSource(lease.Rent, lease.Charges, $"bail glissant en cours ({lease.Landlord})");
        if (info.CurrentRent is { } rent)
            return new RentSource(rent, info.CurrentCharges ?? 0, "loyer actuel déclaré");
        return null;
    }

    private DateOnly ParisToday() => DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime));

    private static void Apply(HouseholdPartner row, PartnerInput input)
    {
        row.Kind = input.Kind!.Value;
        row.Organisation = input.Organisation!.Trim();
        row.ContactName = Clean(input.ContactName);
        row.Phone = Clean(input.Phone);
        row.Email = Clean(input.Email);
        row.Notes = Clean(input.Notes);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
