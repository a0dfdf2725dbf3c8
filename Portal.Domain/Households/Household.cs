using Portal.Domain.Requests;
using Portal.Domain.Support;

namespace Portal.Domain.Households;

public enum HouseholdStatus
{
    /// Followed by the association (in a dwelling, under a measure, or waiting for one).
    Active = 0,
    /// The exit is recorded: the file is kept read-mostly for history and the yearly report.
    Exited = 1,
}

/// A household followed by the association: created from an accepted housing request or directly
/// by staff. The referent is the worker who proposed it to the committee; the team decides who may
/// open the file (see StaffScope). Who follows it, its exit and its anonymisation change only through
/// the methods below; the team, referent and dates are given once when the file is built.
public class Household
{
    private int? _teamId;
    private string? _referentId;
    private DateTime _updatedAtUtc;

    public long Id { get; init; }
    /// Display name, "DURAND Marie" style (head of household), and its accent-free upper-case key.
    public string Name { get; set; } = "";
    public string SearchName { get; set; } = "";
    public HouseholdStatus Status { get; private set; } = HouseholdStatus.Active;

    /// The team and the staff account following the household (ids of Portal's Team and PortalUser).
    public int? TeamId { get => _teamId; init => _teamId = value; }
    public string? ReferentId { get => _referentId; init => _referentId = value; }
    /// The request the household came from, when it applied online.
    public long? HousingRequestId { get; set; }
    /// The person's own account (the applicant), so that their space shows what is shared with them.
    public string? ResidentId { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Town { get; set; }

    public CurrentSituation? Situation { get; set; }
    public string? SituationDetails { get; set; }
    public TargetGroups TargetGroups { get; set; }
    public bool IsDalo { get; set; }
    public bool IsSingleParent { get; set; }
    /// Rent and charges paid where the household lives when it is not in one of our dwellings.
    public decimal? CurrentRent { get; set; }
    public decimal? CurrentCharges { get; set; }

    public DateOnly? ExitedOn { get; private set; }
    /// Set by the retention purge once the file no longer names anyone (see RetentionPolicy).
    public DateTime? AnonymisedAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime UpdatedAtUtc { get => _updatedAtUtc; init => _updatedAtUtc = value; }
    /// Bumped by every change: two people editing the same file at once, the second is told.
    public int Version { get; private set; }

    public List<HouseholdPerson> Persons { get; init; } = [];
    public List<HouseholdIncome> Incomes { get; init; } = [];
    public List<HouseholdPartner> Partners { get; init; } = [];
    public List<JournalEntry> Journal { get; init; } = [];

    /// "DURAND Marie" style; searched without accents, so the name needs at least one letter or digit.
    public void Rename(string name)
    {
        var key = Requests.RequestReference.SearchKey(name);
        if (key.Length == 0) throw new DomainRuleException("Le nom du ménage doit contenir au moins une lettre.", nameof(Name));
        Name = name.Trim();
        SearchName = key;
    }

    public void Touch(DateTime nowUtc)
    {
        _updatedAtUtc = nowUtc;
        Version++;
    }

    /// A manager hands the file to a team and a referent (either may be none). Like every edit of
    /// the file's details, the caller touches it once with all its changes.
    public void AssignTo(int? teamId, string? referentId)
    {
        EnsureNotAnonymised();
        _teamId = teamId;
        _referentId = string.IsNullOrWhiteSpace(referentId) ? null : referentId;
    }

    /// The committee admits the household: it is followed again, by the worker it names if any.
    public void TakeIn(string? referentId, DateTime nowUtc)
    {
        EnsureNotAnonymised();
        if (referentId is not null) _referentId = referentId;
        Status = HouseholdStatus.Active;
        ExitedOn = null;
        Touch(nowUtc);
    }

    /// The household leaves: <paramref name="exit"/> is the exit recorded for it (its date is the file's).
    public void RecordExit(Exit exit, DateTime nowUtc)
    {
        if (exit.HouseholdId != Id) throw new DomainRuleException("Cette sortie concerne un autre ménage.");
        if (Status == HouseholdStatus.Exited)
            throw new DomainRuleException(
                ExitedOn is { } on ? $"La sortie de ce ménage est déjà enregistrée, le {Formatting.French.Date(on)}." : "La sortie de ce ménage est déjà enregistrée.",
                nameof(Exit.ExitedOn));
        Status = HouseholdStatus.Exited;
        ExitedOn = exit.ExitedOn;
        Touch(nowUtc);
    }

    /// A worker writes what happened (an interview, a visit, a call…) in the journal; the entry joins
    /// <see cref="Journal"/> and is saved with the household.
    public JournalEntry WriteInJournal(JournalKind kind, DateOnly occurredOn, string text, bool isConfidential, string authorId, string authorName, DateOnly today, DateTime nowUtc)
    {
        EnsureNotAnonymised();
        JournalEntry.CheckWritable(kind);
        JournalEntry.CheckOccurredOn(occurredOn, today);
        JournalEntry.CheckText(text);
        var entry = new JournalEntry
        {
            HouseholdId = Id, Kind = kind, OccurredOn = occurredOn, AuthorId = authorId,
            AuthorName = authorName.Length > 200 ? authorName[..200] : authorName,
            Text = text.Trim(), IsConfidential = isConfidential, CreatedAtUtc = nowUtc,
        };
        Journal.Add(entry);
        return entry;
    }

    private void EnsureNotAnonymised()
    {
        if (AnonymisedAtUtc is not null) throw new DomainRuleException("Ce dossier est anonymisé : il ne se modifie plus.");
    }
}

public enum PartnerKind
{
    Ccas = 0,
    Caf = 1,
    DepartmentalCouncil = 2,
    Siao = 3,
    MissionLocale = 4,
    Landlord = 5,
    Health = 6,
    Justice = 7,
    Other = 8,
}

public enum JournalKind
{
    Interview = 0,
    HomeVisit = 1,
    PhoneCall = 2,
    PartnerStep = 3,
    Note = 4,
    Appointment = 5,
    Mediation = 6,
}

public static class HouseholdLabels
{
    public static string Label(this HouseholdStatus status) => status switch
    {
        HouseholdStatus.Active => "Suivi en cours",
        HouseholdStatus.Exited => "Sorti",
        _ => status.ToString(),
    };

    public static string Label(this PartnerKind kind) => kind switch
    {
        PartnerKind.Ccas => "CCAS",
        PartnerKind.Caf => "CAF",
        PartnerKind.DepartmentalCouncil => "Conseil départemental",
        PartnerKind.Siao => "SIAO",
        PartnerKind.MissionLocale => "Mission locale",
        PartnerKind.Landlord => "Bailleur",
        PartnerKind.Health => "Santé (CMP, médecin, PASS)",
        PartnerKind.Justice => "Justice (SPIP, PJJ)",
        PartnerKind.Other => "Autre partenaire",
        _ => kind.ToString(),
    };

    public static string Label(this JournalKind kind) => kind switch
    {
        JournalKind.Interview => "Entretien",
        JournalKind.HomeVisit => "Visite à domicile",
        JournalKind.PhoneCall => "Appel téléphonique",
        JournalKind.PartnerStep => "Démarche avec un partenaire",
        JournalKind.Note => "Note",
        JournalKind.Appointment => "Rendez-vous honoré",
        JournalKind.Mediation => "Médiation bailleur-locataire",
        _ => kind.ToString(),
    };
}

public class HouseholdPerson
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public Relationship Relationship { get; set; }
    /// Madame or Monsieur, for the documents (« Madame Fatou KONATE »); null when not recorded.
    public Civility? Civility { get; set; }
    public int Position { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();

    /// A birth date is a past day, after 1900: a later or older one is a typing slip.
    public static void CheckBirthDate(DateOnly birthDate, DateOnly today)
    {
        if (birthDate > today) throw new DomainRuleException("La date de naissance ne peut pas être dans le futur.", nameof(BirthDate));
        if (birthDate < new DateOnly(1900, 1, 1)) throw new DomainRuleException("Vérifiez l'année de naissance : elle doit être après 1900.", nameof(BirthDate));
    }
}

public class HouseholdIncome
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public long? HouseholdPersonId { get; set; }
    public HouseholdPerson? Person { get; set; }
    public IncomeKind Kind { get; set; }
    public decimal MonthlyAmount { get; set; }
}

/// A partner involved with the household: CCAS, CAF, Conseil départemental, SIAO…
public class HouseholdPartner
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public PartnerKind Kind { get; set; }
    public string Organisation { get; set; } = "";
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
}

/// One line of the household's journal. A confidential entry's text is shown only to the referent
/// and managers; others see that an entry exists, by whom and when.
public class JournalEntry
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public JournalKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public bool IsConfidential { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// The honoured appointment this entry was written from, when it was.
    public long? AppointmentId { get; set; }

    /// What a worker writes by hand; the other kinds come from honoured appointments and mediations.
    public static readonly JournalKind[] WritableKinds =
        [JournalKind.Interview, JournalKind.HomeVisit, JournalKind.PhoneCall, JournalKind.PartnerStep, JournalKind.Note];

    public static void CheckWritable(JournalKind kind)
    {
        if (!WritableKinds.Contains(kind)) throw new DomainRuleException("Choisissez le type d'entrée dans la liste.", nameof(Kind));
    }

    /// The journal tells what took place: no day ahead of today, none before the portal's oldest files.
    public static void CheckOccurredOn(DateOnly occurredOn, DateOnly today)
    {
        if (occurredOn > today) throw new DomainRuleException("La date ne peut pas être dans le futur : le journal raconte ce qui a eu lieu.", nameof(OccurredOn));
        if (occurredOn < new DateOnly(2000, 1, 1)) throw new DomainRuleException("Vérifiez l'année : elle doit être après 2000.", nameof(OccurredOn));
    }

    public static void CheckText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Écrivez le contenu de l'entrée.", nameof(Text));
    }
}

