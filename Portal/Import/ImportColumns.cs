using System.Text.Json;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.Import;

/// Passerelle's fields as the admin picks them for each column, and a first guess from the headers.
public static class ImportColumns
{
    public static readonly ImportField[] Choosable =
    [
        ImportField.Ignored, ImportField.HouseholdKey, ImportField.LastName, ImportField.FirstName, ImportField.BirthDate,
        ImportField.Relationship, ImportField.Phone, ImportField.Email, ImportField.Address, ImportField.Town,
        ImportField.Team, ImportField.Notes,
    ];

    public static string Label(this ImportField field) => field switch
    {
        ImportField.Ignored => "— ne pas importer —",
        ImportField.HouseholdKey => "Identifiant du ménage (regroupe les personnes d'un même ménage)",
        ImportField.LastName => "Nom",
        ImportField.FirstName => "Prénom",
        ImportField.BirthDate => "Date de naissance",
        ImportField.Relationship => "Lien avec le demandeur",
        ImportField.Phone => "Téléphone",
        ImportField.Email => "Adresse e-mail",
        ImportField.Address => "Adresse",
        ImportField.Town => "Commune",
        ImportField.Team => "Équipe",
        ImportField.Notes => "Observations (note au journal)",
        _ => field.ToString(),
    };

    /// The header of a column, short, for the preview's table.
    public static string Short(this ImportField field) => field switch
    {
        ImportField.HouseholdKey => "Ménage",
        ImportField.Notes => "Observations",
        ImportField.Email => "E-mail",
        ImportField.Relationship => "Lien",
        _ => field.Label(),
    };

    /// The key a saved mapping is found by: the same headers in the same order, whatever their accents and case.
    public static string HeaderKey(IEnumerable<string> headers)
    {
        var key = string.Join('|', headers.Select(RequestReference.SearchKey));
        return key.Length > 4000 ? key[..4000] : key;
    }

    public static string ToJson(IEnumerable<ImportField> fields) => JsonSerializer.Serialize(fields.Select(f => f.ToString()));

    public static ImportField[] FromJson(string? json, int width)
    {
        var names = string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
        return Enumerable.Range(0, width)
            .Select(i => i < names.Length && Enum.TryParse<ImportField>(names[i], out var f) && Enum.IsDefined(f) ? f : ImportField.Ignored)
            .ToArray();
    }

    public static string[] Strings(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static string Json(string[] cells) => JsonSerializer.Serialize(cells);

    /// A first guess from the words of each header; each field taken once, from its first column.
    public static ImportField[] Guess(IReadOnlyList<string> headers)
    {
        var fields = new ImportField[headers.Count];
        var taken = new HashSet<ImportField>();
        for (var i = 0; i < headers.Count; i++)
        {
            var guess = GuessOne(RequestReference.SearchKey(headers[i]));
            if (guess != ImportField.Ignored && taken.Add(guess)) fields[i] = guess;
        }
        return fields;
    }

    private static ImportField GuessOne(string h)
    {
        var words = h.Split(' ');
        bool Has(params string[] any) => any.Any(a => words.Contains(a));
        if (Has("NAISSANCE", "NE", "NEE", "DDN")) return ImportField.BirthDate;
        if (Has("PRENOM", "PRENOMS")) return ImportField.FirstName;
        if (Has("NOM") || h is "NOM DE FAMILLE" or "NOM USAGE") return ImportField.LastName;
        if (Has("TEL", "TELEPHONE", "PORTABLE", "MOBILE")) return ImportField.Phone;
        if (Has("MAIL", "EMAIL", "COURRIEL", "E")) return words.Contains("MAIL") || Has("EMAIL", "COURRIEL") ? ImportField.Email : ImportField.Ignored;
        if (Has("COMMUNE", "VILLE", "LOCALITE")) return ImportField.Town;
        if (Has("ADRESSE", "RUE")) return ImportField.Address;
        if (Has("EQUIPE", "SECTEUR", "ANTENNE")) return ImportField.Team;
        if (Has("LIEN", "QUALITE", "ROLE")) return ImportField.Relationship;
        if (Has("MENAGE", "DOSSIER", "FAMILLE", "FOYER")) return ImportField.HouseholdKey;
        if (Has("OBSERVATIONS", "OBSERVATION", "COMMENTAIRE", "COMMENTAIRES", "REMARQUES", "NOTES")) return ImportField.Notes;
        return ImportField.Ignored;
    }
}
