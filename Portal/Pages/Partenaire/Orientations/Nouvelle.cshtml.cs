using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Partners;
using Portal.Domain.Requests;
using Portal.Partners;
using Portal.Requests;
using Portal.Web;

namespace Portal.Pages.Partenaire.Orientations;

/// A partner orients a household in one form: the people, their resources, the situation, the
/// urgency, the assessment (checked like a resident's upload) and the person's consent. Sending it
/// makes a housing request in the association's queue, with the partner as its origin.
public class NouvelleModel(PortalDbContext db, UserManager<PortalUser> users, RequestNotifier notifier, TimeProvider clock) : PageModel
{
    public const int MemberRows = 6;
    public const int IncomeRows = 5;
    public const string AssessmentKey = "Assessment";

    public PartnerScope Partner { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IFormFile? Assessment { get; set; }

    public class MemberInput
    {
        [StringLength(100, ErrorMessage = "Le prénom ne doit pas dépasser 100 caractères.")]
        [PlainText]
        public string? FirstName { get; set; }

        [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
        [PlainText]
        public string? LastName { get; set; }

        [FrenchValue]
        public DateOnly? BirthDate { get; set; }

        [FrenchValue]
        public Relationship? Relationship { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName) && BirthDate is null;
    }

    public class IncomeInput
    {
        [FrenchValue]
        public IncomeKind? Kind { get; set; }

        [FrenchValue]
        public decimal? Amount { get; set; }
    }

    public class InputModel
    {
        public List<MemberInput> Members { get; set; } = [];
        public List<IncomeInput> Incomes { get; set; } = [];

        [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide.")]
        [StringLength(30, ErrorMessage = "Le numéro ne doit pas dépasser 30 caractères.")]
        [Display(Name = "Téléphone de la personne (facultatif)")]
        public string? Phone { get; set; }

        [StringLength(500, ErrorMessage = "L'adresse ne doit pas dépasser 500 caractères.")]
        [PlainText]
        [Display(Name = "Adresse actuelle ou de domiciliation (facultatif)")]
        public string? CurrentAddress { get; set; }

        [Required(ErrorMessage = "Indiquez la commune où vit le ménage aujourd'hui.")]
        [StringLength(120, ErrorMessage = "La commune ne doit pas dépasser 120 caractères.")]
        [PlainText]
        [Display(Name = "Commune actuelle")]
        public string? CurrentTown { get; set; }

        [StringLength(500, ErrorMessage = "Les communes ne doivent pas dépasser 500 caractères.")]
        [PlainText]
        [Display(Name = "Communes souhaitées (facultatif, séparées par des virgules)")]
        public string? Towns { get; set; }

        public bool IsSingleParent { get; set; }

        [Required(ErrorMessage = "Choisissez la situation actuelle du ménage.")]
        [FrenchValue]
        [Display(Name = "Situation actuelle")]
        public CurrentSituation? Situation { get; set; }

        [Required(ErrorMessage = "Décrivez la situation et ce que vous attendez de l'association.")]
        [StringLength(4000, ErrorMessage = "La description ne doit pas dépasser 4 000 caractères.")]
        [PlainText]
        [Display(Name = "Situation et motif de l'orientation")]
        public string? SituationDetails { get; set; }

        public List<TargetGroups>? Groups { get; set; }

        [Required(ErrorMessage = "Indiquez l'urgence de la situation.")]
        [FrenchValue]
        [Display(Name = "Urgence")]
        public OrientationUrgency? Urgency { get; set; }

        [FrenchValue]
        [Display(Name = "Comment la personne a-t-elle donné son accord ?")]
        public ConsentMethod? ConsentMethod { get; set; }

        [FrenchValue]
        [Display(Name = "Date de l'accord")]
        public DateOnly? ConsentGivenOn { get; set; }

        public bool ConsentConfirmed { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PartnerScope.ForAsync(User, db, ct) is not { } partner) return Forbid();
        Partner = partner;
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PartnerScope.ForAsync(User, db, ct) is not { } partner) return Forbid();
        Partner = partner;
        Assessment = Request.Form.Files.GetFile(AssessmentKey);
        Pad();
        var today = DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime));

        var members = Input.Members.Select((m, i) => (m, i)).Where(x => !x.m.IsBlank).ToList();
        var first = Input.Members.ElementAtOrDefault(0);
        if (first is null || first.IsBlank)
            ModelState.AddModelError("Input.Members[0].LastName", "Indiquez au moins la personne qui demande le logement : son nom, son prénom et sa date de naissance.");
        foreach (var (m, i) in members)
        {
            if (string.IsNullOrWhiteSpace(m.LastName)) ModelState.AddModelError($"Input.Members[{i}].LastName", "Indiquez le nom.");
            if (string.IsNullOrWhiteSpace(m.FirstName)) ModelState.AddModelError($"Input.Members[{i}].FirstName", "Indiquez le prénom.");
            if (m.BirthDate is null && ModelState.GetFieldValidationState($"Input.Members[{i}].BirthDate") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError($"Input.Members[{i}].BirthDate", "Indiquez la date de naissance.");
            else HouseholdChoices.CheckBirthDate(ModelState, $"Input.Members[{i}]", m.BirthDate, today);
            if (i > 0 && m.Relationship is null) ModelState.AddModelError($"Input.Members[{i}].Relationship", "Indiquez le lien avec la personne.");
        }
        for (var i = 0; i < Input.Incomes.Count; i++)
        {
            var line = Input.Incomes[i];
            if (line.Kind is null && line.Amount is null) continue;
            if (line.Kind is null) ModelState.AddModelError($"Input.Incomes[{i}].Kind", "Choisissez le type de ressource.");
            if (line.Amount is null && ModelState.GetFieldValidationState($"Input.Incomes[{i}].Amount") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError($"Input.Incomes[{i}].Amount", "Indiquez le montant mensuel.");
            else if (line.Amount is < 0 or > 100_000) ModelState.AddModelError($"Input.Incomes[{i}].Amount", "Le montant mensuel doit être compris entre 0 et 100 000 €.");
        }
        var me = (await users.GetUserAsync(User))!;
        var now = clock.GetUtcNow().UtcDateTime;
        var request = HousingRequest.NewOrientation(me.Id, me.FullName, partner.OrganisationId, now);
        ModelState.Passes(() => request.RecordConsent(Input.ConsentMethod, Input.ConsentGivenOn, Input.ConsentConfirmed, today), "Input",
            nameof(InputModel.ConsentMethod), nameof(InputModel.ConsentGivenOn), nameof(InputModel.ConsentConfirmed));
        RequestDocument? assessment = null;
        if (Assessment is not null)
        {
            var upload = new UploadInput { Kind = SupportingDocumentKind.SocialAssessment, File = Assessment };
            assessment = await DocumentUploads.ReadAsync(upload, 0, DocumentFolder.Orientation, this, me.Id, now, ct);
            if (assessment is null && ModelState.TryGetValue(DocumentUploads.FileKey, out var entry))
                foreach (var e in entry.Errors.ToList()) ModelState.AddModelError(AssessmentKey, e.ErrorMessage);
            ModelState.Remove(DocumentUploads.FileKey);
        }
        if (!ModelState.IsValid)
        {
            if (Assessment is not null && assessment is not null)
                ModelState.AddModelError(AssessmentKey, "Votre fichier n'a pas été gardé : choisissez-le à nouveau avant d'envoyer.");
            Pad();
            return Page();
        }

        request.SetUrgency(Input.Urgency);
        request.DescribeHousehold(members.Select(x => new MemberDetails(null, x.m.FirstName!, x.m.LastName!, x.m.BirthDate!.Value,
                x.i == 0 ? Relationship.Applicant : x.m.Relationship!.Value)).ToList(),
            Input.IsSingleParent, Input.Phone, Input.CurrentAddress, Input.CurrentTown);
        request.NameApplicant(request.Members[0].FirstName, request.Members[0].LastName, lastNameFirst: true);
        var groups = (Input.Groups ?? []).Where(Enum.IsDefined).Aggregate(TargetGroups.None, (a, g) => a | g);
        request.DescribeSituation(Input.Situation, Input.SituationDetails, groups, groups.HasFlag(TargetGroups.DaloPriority), daloDecisionDate: null, today);
        request.DescribeWishes(Typologies.None, Input.Towns, AccessibilityNeeds.None, null, null, null);
        request.DeclareIncomes(Input.Incomes.Where(l => l.Kind is not null && l.Amount is not null).Select(l => new IncomeLine(l.Kind!.Value, l.Amount!.Value)));
        request.AcceptPrivacy(now);
        if (assessment is not null) request.AddDocument(assessment, now);
        request.RouteTo(RequestRouting.TeamFor(request, await db.Teams.AsNoTracking().ToListAsync(ct)));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.HousingRequests.Add(request);
        await db.SaveChangesAsync(ct);
        request.Move(RequestAction.Submit, me.Id, partner.Signature, now, $"Orientation par {partner.OrganisationName}.");
        notifier.Received(request, me);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["StatusMessage"] = $"L'orientation de {request.ApplicantName} est envoyée à l'association. Sa référence est {request.Reference}.";
        return Redirect($"/partenaire/orientations/{request.Id}");
    }

    /// Blank rows to fill, after what was posted.
    private void Pad()
    {
        while (Input.Members.Count < MemberRows) Input.Members.Add(new MemberInput());
        while (Input.Incomes.Count < IncomeRows) Input.Incomes.Add(new IncomeInput());
        if (Input.Members.Count > MemberRows) Input.Members = Input.Members[..MemberRows];
        if (Input.Incomes.Count > IncomeRows) Input.Incomes = Input.Incomes[..IncomeRows];
    }
}
