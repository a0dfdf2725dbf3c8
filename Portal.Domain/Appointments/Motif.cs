namespace Portal.Domain.Appointments;

/// Who is acting: the person booking for themselves, or a member of staff (who may do more).
public enum Actor
{
    Resident = 0,
    Staff = 1,
}

/// Why a person comes (« premier accueil », « suivi budget »…): how long it takes, whether the
/// person may book it alone, and at which kinds of place it can be held.
public sealed record Motif
{
    public Motif(string name, TimeSpan duration, bool bookableByResidents, PlaceKinds allowedPlaceKinds)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Donnez un nom au motif de rendez-vous.");
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(8) || duration.Ticks % TimeSpan.TicksPerMinute != 0)
            throw new DomainRuleException("La durée d'un motif doit être un nombre entier de minutes, entre 1 minute et 8 heures.");
        if (allowedPlaceKinds == PlaceKinds.None)
            throw new DomainRuleException("Choisissez au moins un type de lieu pour ce motif.");
        Name = name.Trim();
        Duration = duration;
        BookableByResidents = bookableByResidents;
        AllowedPlaceKinds = allowedPlaceKinds;
    }

    public string Name { get; }
    public TimeSpan Duration { get; }
    public bool BookableByResidents { get; }
    public PlaceKinds AllowedPlaceKinds { get; }

    public bool AllowsPlace(PlaceKind kind) => AllowedPlaceKinds.Includes(kind);

    public bool IsBookableBy(Actor actor) => actor == Actor.Staff || BookableByResidents;

    /// Null when this actor may book this motif at this kind of place, else the French reason.
    public string? RefusalFor(PlaceKind kind, Actor actor)
    {
        if (!IsBookableBy(actor))
            return $"Le motif « {Name} » ne se réserve pas en ligne : contactez votre travailleur social pour convenir d'un rendez-vous.";
        if (!AllowsPlace(kind))
            return $"Le motif « {Name} » ne peut pas avoir lieu en « {kind.Label()} ».";
        return null;
    }

    public void EnsureBookable(PlaceKind kind, Actor actor)
    {
        if (RefusalFor(kind, actor) is { } reason) throw new DomainRuleException(reason);
    }

    /// The motifs an association starts with (seeded, then edited by admins).
    public static IReadOnlyList<Motif> Defaults { get; } =
    [
        new("Premier accueil", TimeSpan.FromMinutes(60), true, PlaceKinds.Office | PlaceKinds.Permanence | PlaceKinds.Phone),
        new("Suivi budget", TimeSpan.FromMinutes(45), true, PlaceKinds.Office | PlaceKinds.Permanence | PlaceKinds.Phone),
        new("Accès aux droits", TimeSpan.FromMinutes(45), true, PlaceKinds.Office | PlaceKinds.Permanence | PlaceKinds.Phone),
        new("Relogement", TimeSpan.FromMinutes(60), true, PlaceKinds.Office | PlaceKinds.Permanence),
        new("Visite à domicile", TimeSpan.FromMinutes(90), false, PlaceKinds.HomeVisit),
    ];
}
