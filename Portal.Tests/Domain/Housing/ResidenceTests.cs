using Portal.Domain;
using Portal.Domain.Housing;

namespace Portal.Tests.Domain.Housing;

public class ResidenceTests
{
    [Fact]
    public void Describe_changes_the_type_with_the_name_and_address()
    {
        var residence = new Residence("Les Tilleuls", ResidenceKind.FamilyBoardingHouse, "1 rue A", "Lille");

        residence.Describe(" Les Tilleuls II ", ResidenceKind.SocialResidence, " 2 rue B ", "Roubaix");

        Assert.Equal("Les Tilleuls II", residence.Name);
        Assert.Equal(ResidenceKind.SocialResidence, residence.Kind);
        Assert.Equal("2 rue B", residence.Address);
        Assert.Equal("Roubaix", residence.Town);
    }

    [Fact]
    public void Describe_refuses_an_unknown_type_and_changes_nothing()
    {
        var residence = new Residence("Les Tilleuls", ResidenceKind.FamilyBoardingHouse);

        var e = Assert.Throws<DomainRuleException>(() => residence.Describe("Autre nom", (ResidenceKind)42, null, null));

        Assert.Equal("Type de résidence inconnu.", e.Message);
        Assert.Equal("Les Tilleuls", residence.Name);
        Assert.Equal(ResidenceKind.FamilyBoardingHouse, residence.Kind);
    }

    [Fact]
    public void Describe_refuses_an_empty_name()
    {
        var residence = new Residence("Les Tilleuls", ResidenceKind.FamilyBoardingHouse);

        Assert.Throws<DomainRuleException>(() => residence.Describe("  ", ResidenceKind.SocialResidence, null, null));
        Assert.Equal(ResidenceKind.FamilyBoardingHouse, residence.Kind);
    }
}
