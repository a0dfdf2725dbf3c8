using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Requests;
using Portal.Web;
using static Portal.Pages.Suivi.Menages.HouseholdFileData;

namespace Portal.Pages.Suivi.Menages;

/// The people of the household: added, named with their civility, removed with their resources.
public class PersonnesModel(PortalDbContext db, TimeProvider clock) : HouseholdFilePage(db, clock)
{
    public const string InvalidCivility = "Choisissez la civilité dans la liste : Madame, Monsieur ou « Non indiquée ».";

    public override string Section => "/Suivi/Menages/Personnes";
    protected override string? OpenedDetail => "Personnes du ménage";

    public IReadOnlyList<PersonRow> Persons { get; private set; } = [];

    public HouseholdMemberInput Person { get; set; } = new();

    /// The person a row form (civility, removal) is about.
    [BindProperty(Name = "personId"), FrenchValue]
    public long? PersonId { get; set; }

    [BindProperty(Name = "civility"), FrenchValue]
    public Civility? ChosenCivility { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => OpenAsync(id, ct);

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct) =>
        Persons = await PersonsAsync(Db, Header.Id, ct);

    public Task<IActionResult> OnPostAddPersonAsync(long id, [Bind(Prefix = nameof(Person))] HouseholdMemberInput person, CancellationToken ct)
    {
        Person = person;
        HouseholdChoices.CheckMember(ModelState, nameof(Person), person, ParisToday());
        return EditAsync(id, ct, async (h, _) =>
        {
            var position = await Db.HouseholdPersons.Where(p => p.HouseholdId == h.Id).Select(p => (int?)p.Position).MaxAsync(ct) ?? -1;
            Db.HouseholdPersons.Add(new HouseholdPerson
            {
                HouseholdId = h.Id, FirstName = person.FirstName!.Trim(), LastName = person.LastName!.Trim(),
                BirthDate = person.BirthDate, Relationship = person.Relationship!.Value, Civility = person.Civility, Position = position + 1,
            });
            return ("Personne ajoutée", $"{person.FirstName!.Trim()} {person.LastName!.Trim()} est ajouté(e) au ménage.");
        });
    }

    /// Madame, Monsieur or not recorded: how the contracts and reviews name the person.
    public Task<IActionResult> OnPostCivilityAsync(long id, CancellationToken ct)
    {
        // A number is not a civility, though the enum would take one.
        if (ModelState.GetFieldValidationState("civility") == ModelValidationState.Invalid
            || ModelState["civility"]?.AttemptedValue is { Length: > 0 } typed && !char.IsLetter(typed.Trim()[0]))
        {
            ModelState.Remove("civility");
            ModelState.AddModelError("civility", InvalidCivility);
        }
        return EditAsync(id, ct, async (h, _) =>
        {
            var person = await FindPersonAsync(h, ct);
            person.Civility = ChosenCivility;
            return ("Civilité d'une personne", ChosenCivility is { } c
                ? $"{person.FullName} : civilité « {Labels.Of(c)} » enregistrée."
                : $"{person.FullName} : civilité retirée, les documents la nomment par son prénom et son nom.");
        });
    }

    public Task<IActionResult> OnPostRemovePersonAsync(long id, CancellationToken ct) =>
        EditAsync(id, ct, async (h, _) =>
        {
            var person = await FindPersonAsync(h, ct);
            // Their resources leave with them (cascade).
            Db.HouseholdPersons.Remove(person);
            return ("Personne retirée", $"{person.FullName} est retiré(e) du ménage, avec ses ressources.");
        });

    private async Task<HouseholdPerson> FindPersonAsync(Household h, CancellationToken ct) =>
        await Db.HouseholdPersons.SingleOrDefaultAsync(p => p.Id == PersonId && p.HouseholdId == h.Id, ct)
            ?? throw new DomainRuleException("Cette personne ne fait plus partie du ménage.");
}
