using Portal.Domain.Requests;

namespace Portal.Tests.Domain.Requests;

public class PersonNamesTests
{
    [Fact]
    public void Documents_name_a_person_by_civility_first_name_and_last_name_in_capitals()
    {
        Assert.Equal("Madame Fatou KONATE", PersonNames.Formal(Civility.Madame, " Fatou ", "Konaté".Replace("é", "e")));
        Assert.Equal("Monsieur Éric LEFÈVRE", PersonNames.Formal(Civility.Monsieur, "Éric", "Lefèvre"));
    }

    [Fact]
    public void Without_a_civility_the_name_alone()
    {
        Assert.Equal("Fatou KONATE", PersonNames.Formal(null, "Fatou", "Konate"));
    }
}
