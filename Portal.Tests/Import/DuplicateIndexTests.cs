using Portal.Import;

namespace Portal.Tests.Import;

public class DuplicateIndexTests
{
    private static DuplicateIndex Index()
    {
        var index = new DuplicateIndex();
        index.Add(new KnownPerson(10, 1, "Élodie", "MARTIN-DURAND", new DateOnly(1988, 3, 4), "0612345678", "elodie@exemple.fr"));
        index.Add(new KnownPerson(11, 2, "Jean", "Petit", null, null, null));
        return index;
    }

    [Fact]
    public void The_same_person_is_found_across_accents_case_and_word_order_with_the_same_birth_date()
    {
        var found = Index().Find("durand", "Elodie martin", new DateOnly(1988, 3, 4), null, null);

        Assert.Equal(10, found?.PersonId);
    }

    [Fact]
    public void The_same_name_with_the_same_phone_or_email_is_found_without_a_birth_date()
    {
        Assert.Equal(10, Index().Find("ELODIE", "Martin Durand", null, "06.12.34.56.78", null)?.PersonId);
        Assert.Equal(10, Index().Find("Élodie", "Martin Durand", null, null, "Elodie@Exemple.fr")?.PersonId);
    }

    [Fact]
    public void The_same_name_alone_or_another_birth_date_is_no_duplicate()
    {
        Assert.Null(Index().Find("Élodie", "Martin Durand", null, null, null));
        Assert.Null(Index().Find("Élodie", "Martin Durand", new DateOnly(1990, 1, 1), "0700000000", null));
        Assert.Null(Index().Find("Jean", "Petit", new DateOnly(1990, 1, 1), null, null));
    }
}
