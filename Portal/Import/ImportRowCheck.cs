using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using Portal.Domain.Requests;
using Portal.Data;

namespace Portal.Import;

/// One problem of one row, at the cell (column index in the file).
public sealed record CellProblem(int Column, string Message);

/// A row read into Passerelle's fields, its problems said in French at their cell.
public sealed record ImportedPerson(
    string? HouseholdKey, string LastName, string FirstName, DateOnly? BirthDate, Relationship? Relationship,
    string? Phone, string? Email, string? Address, string? Town, int? TeamId, string? Notes)
{
    public string FullName => Portal.Domain.Formatting.French.PersonName(LastName, FirstName);
}

public sealed record RowCheckResult(ImportedPerson Person, IReadOnlyList<CellProblem> Problems);

/// Reads and checks one row with the batch's column mapping. Accepts what French spreadsheets hold:
/// dates as dd/MM/yyyy (also with `-` or `.`, two-digit years, or yyyy-MM-dd) or Excel serial numbers,
/// phone numbers with spaces, dots or +33, teams by name whatever the accents and case.
public sealed class ImportRowCheck(ImportField[] fields, IReadOnlyList<(int Id, string Name)> teams, int? defaultTeamId, DateOnly today)
{
    private readonly Dictionary<string, int> teamsByKey =
        teams.GroupBy(t => RequestReference.SearchKey(t.Name)).ToDictionary(g => g.Key, g => g.First().Id);

    public ImportField[] Fields => fields;

    public int ColumnOf(ImportField field) => Array.IndexOf(fields, field);

    public RowCheckResult Check(string[] cells)
    {
        var problems = new List<CellProblem>();
        string Cell(ImportField f) => ColumnOf(f) is var i and >= 0 && i < cells.Length ? cells[i].Trim() : "";
        void Problem(ImportField f, string message) => problems.Add(new CellProblem(ColumnOf(f), message));

        var lastName = Cell(ImportField.LastName);
        var firstName = Cell(ImportField.FirstName);
        if (lastName.Length == 0) Problem(ImportField.LastName, "Nom manquant : indiquez le nom de la personne.");
        else if (lastName.Length > 100) Problem(ImportField.LastName, "Nom trop long : 100 caractères au plus.");
        if (firstName.Length > 100) Problem(ImportField.FirstName, "Prénom trop long : 100 caractères au plus.");

        DateOnly? birth = null;
        var birthText = Cell(ImportField.BirthDate);
        if (birthText.Length > 0)
        {
            birth = ParseDate(birthText);
            if (birth is null)
                Problem(ImportField.BirthDate, $"Date non reconnue « {birthText} » : écrivez-la jj/mm/aaaa, par exemple 04/03/1988.");
            else if (birth > today)
            {
                Problem(ImportField.BirthDate, $"Date de naissance dans le futur ({birth:dd/MM/yyyy}) : vérifiez l'année.");
                birth = null;
            }
            else if (birth.Value.Year < 1900)
            {
                Problem(ImportField.BirthDate, $"Date de naissance trop ancienne ({birth:dd/MM/yyyy}) : vérifiez l'année.");
                birth = null;
            }
        }

        Relationship? relationship = null;
        var relationshipText = Cell(ImportField.Relationship);
        if (relationshipText.Length > 0)
        {
            relationship = ParseRelationship(relationshipText);
            if (relationship is null)
                Problem(ImportField.Relationship, $"Lien « {relationshipText} » inconnu : demandeur, conjoint, enfant, parent, famille ou autre.");
        }

        string? phone = null;
        var phoneText = Cell(ImportField.Phone);
        if (phoneText.Length > 0)
        {
            phone = Phone(phoneText);
            if (phone is null) Problem(ImportField.Phone, $"Téléphone « {phoneText} » non valide : 10 chiffres, par exemple 06 12 34 56 78.");
        }

        string? email = null;
        var emailText = Cell(ImportField.Email);
        if (emailText.Length > 0)
        {
            email = Email(emailText);
            if (email is null) Problem(ImportField.Email, $"Adresse e-mail « {emailText} » non valide, par exemple prenom.nom@exemple.fr.");
        }

        var address = Cell(ImportField.Address);
        if (address.Length > 500) Problem(ImportField.Address, "Adresse trop longue : 500 caractères au plus.");
        var town = Cell(ImportField.Town);
        if (town.Length > 120) Problem(ImportField.Town, "Commune trop longue : 120 caractères au plus.");
        var householdKey = Cell(ImportField.HouseholdKey);
        if (householdKey.Length > 100) Problem(ImportField.HouseholdKey, "Identifiant de ménage trop long : 100 caractères au plus.");

        int? teamId = defaultTeamId;
        var teamText = Cell(ImportField.Team);
        if (teamText.Length > 0)
        {
            if (teamsByKey.TryGetValue(RequestReference.SearchKey(teamText), out var id)) teamId = id;
            else Problem(ImportField.Team, $"Équipe « {teamText} » inconnue : les équipes sont {string.Join(", ", teams.Select(t => t.Name).Order())}.");
        }
        else if (teamId is null && ColumnOf(ImportField.Team) >= 0)
            Problem(ImportField.Team, "Équipe manquante : indiquez l'équipe, ou choisissez une équipe par défaut avec les colonnes.");

        var notes = Cell(ImportField.Notes);
        var person = new ImportedPerson(
            householdKey.Length == 0 ? null : householdKey, lastName, firstName, birth, relationship,
            phone, email, address.Length == 0 ? null : address, town.Length == 0 ? null : town, teamId, notes.Length == 0 ? null : notes);
        // One message per cell: the first found is the one to fix.
        return new RowCheckResult(person, problems.GroupBy(p => p.Column).Select(g => g.First()).ToList());
    }

    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy-MM-dd", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "ddMMyyyy",
    ];

    private static readonly string[] ShortYearFormats = ["dd/MM/yy", "d/M/yy", "dd-MM-yy", "d-M-yy", "dd.MM.yy", "d.M.yy"];

    /// A French date, or an Excel serial date (days since 30/12/1899, as a date cell reads without its format).
    public static DateOnly? ParseDate(string text)
    {
        var t = text.Trim();
        if (DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return DateOnly.FromDateTime(date);
        if (DateTime.TryParseExact(t, ShortYearFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            // Two-digit years are birth years: never ahead of this year.
            if (date.Year > DateTime.UtcNow.Year) date = date.AddYears(-100);
            return DateOnly.FromDateTime(date);
        }
        if (double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial >= 1 && serial < 2958466 && !t.Contains('/'))
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        return null;
    }

    public static Relationship? ParseRelationship(string text)
    {
        var words = RequestReference.SearchKey(text).Split(' ');
        bool Has(params string[] any) => any.Any(words.Contains);
        if (Has("DEMANDEUR", "DEMANDEUSE", "CHEF", "TITULAIRE", "REFERENT", "PRINCIPAL", "PRINCIPALE")) return Relationship.Applicant;
        if (Has("CONJOINT", "CONJOINTE", "EPOUX", "EPOUSE", "MARI", "FEMME", "COMPAGNON", "COMPAGNE", "CONCUBIN", "CONCUBINE", "PACSE", "PACSEE")) return Relationship.Spouse;
        if (Has("ENFANT", "FILS", "FILLE", "ENFANTS")) return Relationship.Child;
        if (Has("PERE", "MERE", "PARENT")) return Relationship.Parent;
        if (Has("FRERE", "SOEUR", "ONCLE", "TANTE", "NEVEU", "NIECE", "COUSIN", "COUSINE", "GRAND", "PETIT", "FAMILLE")) return Relationship.OtherRelative;
        if (Has("AUTRE", "AMI", "AMIE", "HEBERGE", "HEBERGEE", "TIERS")) return Relationship.Other;
        return null;
    }

    /// A French phone number written "06 12 34 56 78", from any of the ways people type it; null if it is not one.
    public static string? Phone(string text)
    {
        var digits = new string(text.Where(char.IsDigit).ToArray());
        if (text.TrimStart().StartsWith('+'))
        {
            if (!digits.StartsWith("33")) return digits.Length is >= 8 and <= 15 && text.Length <= 30 ? text.Trim() : null;
            digits = "0" + digits[2..];
        }
        else if (digits.StartsWith("0033")) digits = "0" + digits[4..];
        // A number typed into a number cell loses its leading zero.
        if (digits.Length == 9 && digits[0] != '0') digits = "0" + digits;
        if (digits.Length != 10 || digits[0] != '0' || digits[1] == '0') return null;
        if (text.Any(c => char.IsLetter(c))) return null;
        return string.Join(' ', Enumerable.Range(0, 5).Select(i => digits.Substring(i * 2, 2)));
    }

    /// Digits only, for comparing phone numbers however they are written.
    public static string? PhoneKey(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        return Phone(phone) is { } p ? p.Replace(" ", "") : new string(phone.Where(char.IsDigit).ToArray()) is { Length: >= 8 } d ? d : null;
    }

    public static string? Email(string text)
    {
        var t = text.Trim();
        if (t.Length > 256 || t.Contains(' ') || t.Count(c => c == '@') != 1) return null;
        try
        {
            var address = new MailAddress(t);
            if (address.Address != t || !address.Host.Contains('.') || address.Host.EndsWith('.')) return null;
            return t;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string ProblemsJson(IReadOnlyList<CellProblem> problems) => JsonSerializer.Serialize(problems);

    public static IReadOnlyList<CellProblem> ProblemsFrom(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<CellProblem>>(json) ?? [];
}
