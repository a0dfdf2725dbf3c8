namespace Portal.Domain.Appointments;

/// Where an appointment happens. A place (the office in town, the permanence in a neighbourhood
/// house…) has one kind; a motif lists the kinds it may be held at.
public enum PlaceKind
{
    Office = 0,
    Permanence = 1,
    HomeVisit = 2,
    Phone = 3,
}

/// A set of place kinds, stored as one number (the motif's allowed places).
[Flags]
public enum PlaceKinds
{
    None = 0,
    Office = 1,
    Permanence = 2,
    HomeVisit = 4,
    Phone = 8,
    All = Office | Permanence | HomeVisit | Phone,
}

public static class PlaceKindText
{
    public static string Label(this PlaceKind kind) => kind switch
    {
        PlaceKind.Office => "Bureau de l'association",
        PlaceKind.Permanence => "Permanence de quartier",
        PlaceKind.HomeVisit => "Visite à domicile",
        PlaceKind.Phone => "Rendez-vous téléphonique",
        _ => kind.ToString(),
    };

    public static PlaceKinds AsSet(this PlaceKind kind) => kind switch
    {
        PlaceKind.Office => PlaceKinds.Office,
        PlaceKind.Permanence => PlaceKinds.Permanence,
        PlaceKind.HomeVisit => PlaceKinds.HomeVisit,
        PlaceKind.Phone => PlaceKinds.Phone,
        _ => PlaceKinds.None,
    };

    public static bool Includes(this PlaceKinds set, PlaceKind kind) => kind.AsSet() != PlaceKinds.None && set.HasFlag(kind.AsSet());

    public static IReadOnlyList<PlaceKind> Kinds(this PlaceKinds set) =>
        Enum.GetValues<PlaceKind>().Where(k => set.Includes(k)).ToList();
}
