using Portal.Data;
using Portal.Domain.Requests;
using Portal.Import;

namespace Portal.Tests.Import;

public class ImportRowCheckTests
{
    private static readonly ImportField[] Fields =
        [ImportField.LastName, ImportField.FirstName, ImportField.BirthDate, ImportField.Team, ImportField.Phone, ImportField.Email, ImportField.Relationship];

    private static ImportRowCheck Check(int? defaultTeam = null) =>
        new(Fields, [(1, "Nord"), (2, "Sud")], defaultTeam, new DateOnly(2026, 12, 6));

    [Fact]
    public void A_good_row_reads_French_dates_phones_and_teams_whatever_their_accents()
    {
        var result = Check().Check(["Durand", "Élodie", "4/3/1988", "nord", "+33 6 12 34 56 78", "elodie@exemple.fr", "Conjointe"]);

        Assert.Empty(result.Problems);
        Assert.Equal(new DateOnly(1988, 3, 4), result.Person.BirthDate);
        Assert.Equal(1, result.Person.TeamId);
        Assert.Equal("06 12 34 56 78", result.Person.Phone);
        Assert.Equal(Relationship.Spouse, result.Person.Relationship);
    }

    [Fact]
    public void An_Excel_serial_date_is_a_date()
    {
        var result = Check().Check(["Durand", "Élodie", "32206", "Sud", "", "", ""]);

        Assert.Empty(result.Problems);
        Assert.Equal(new DateOnly(1988, 3, 4), result.Person.BirthDate);
    }

    [Fact]
    public void Each_problem_is_at_its_cell_in_French()
    {
        var result = Check().Check(["", "Élodie", "31/02/1988", "Est", "12 34", "elodie@", "Voisine"]);

        var byColumn = result.Problems.ToDictionary(p => p.Column, p => p.Message);
        Assert.StartsWith("Nom manquant", byColumn[0]);
        Assert.StartsWith("Date non reconnue « 31/02/1988 »", byColumn[2]);
        Assert.StartsWith("Équipe « Est » inconnue : les équipes sont Nord, Sud", byColumn[3]);
        Assert.StartsWith("Téléphone « 12 34 » non valide", byColumn[4]);
        Assert.StartsWith("Adresse e-mail « elodie@ » non valide", byColumn[5]);
        Assert.StartsWith("Lien « Voisine » inconnu", byColumn[6]);
        Assert.False(byColumn.ContainsKey(1));
    }

    [Fact]
    public void A_birth_date_in_the_future_is_refused_at_its_cell()
    {
        var result = Check(defaultTeam: 1).Check(["Durand", "Élodie", "01/01/2030", "", "", "", ""]);

        Assert.Equal(2, Assert.Single(result.Problems).Column);
    }

    [Fact]
    public void An_empty_team_cell_takes_the_default_team_or_is_a_problem_without_one()
    {
        Assert.Equal(2, Check(defaultTeam: 2).Check(["Durand", "", "", "", "", "", ""]).Person.TeamId);
        Assert.StartsWith("Équipe manquante", Assert.Single(Check().Check(["Durand", "", "", "", "", "", ""]).Problems).Message);
    }

    [Theory]
    [InlineData("04/03/88", 1988, 3, 4)]
    [InlineData("04/03/1988", 1988, 3, 4)]
    [InlineData("4-3-1988", 1988, 3, 4)]
    [InlineData("04.03.1988", 1988, 3, 4)]
    [InlineData("1988-03-04", 1988, 3, 4)]
    [InlineData("01/01/2030", 2030, 1, 1)]
    public void French_date_forms_are_read(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ImportRowCheck.ParseDate(text));
}
