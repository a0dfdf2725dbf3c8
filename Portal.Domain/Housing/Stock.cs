using Portal.Domain.Requests;

namespace Portal.Domain.Housing;

public enum ResidenceKind
{
    SocialResidence = 0,
    FamilyBoardingHouse = 1,
    ScatteredTransitionalHousing = 2,
    YoungWorkersHostel = 3,
}

public enum Typology
{
    T1 = 1,
    T2 = 2,
    T3 = 3,
    T4 = 4,
    T5 = 5,
}

public enum Financing
{
    Plai = 0,
    Plus = 1,
    Pls = 2,
    Pli = 3,
    AnahAgreement = 4,
    Private = 5,
    Other = 6,
}

public static class StockLabels
{
    public static string Label(this ResidenceKind kind) => kind switch
    {
        ResidenceKind.SocialResidence => "Résidence sociale",
        ResidenceKind.FamilyBoardingHouse => "Pension de famille / maison relais",
        ResidenceKind.ScatteredTransitionalHousing => "Logements relais en diffus",
        ResidenceKind.YoungWorkersHostel => "Foyer de jeunes travailleurs",
        _ => kind.ToString(),
    };

    public static string Label(this Typology typology) => typology.ToString();

    public static string Label(this Financing financing) => financing switch
    {
        Financing.Plai => "PLAI",
        Financing.Plus => "PLUS",
        Financing.Pls => "PLS",
        Financing.Pli => "PLI",
        Financing.AnahAgreement => "Conventionné Anah",
        Financing.Private => "Parc privé non conventionné",
        Financing.Other => "Autre",
        _ => financing.ToString(),
    };

    /// The flag used by housing requests for the sizes a person accepts.
    public static Typologies ToFlag(this Typology typology) => (Typologies)(1 << ((int)typology - 1));
}

/// A building or a group of scattered dwellings the association manages.
public class Residence
{
    private Residence() { }

    public Residence(string name, ResidenceKind kind, string? address = null, string? town = null)
    {
        Name = Required(name, "Le nom de la résidence est obligatoire.");
        Kind = kind;
        Address = address?.Trim();
        Town = town?.Trim();
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public ResidenceKind Kind { get; private set; }
    public string? Address { get; private set; }
    public string? Town { get; private set; }

    public void Rename(string name, string? address, string? town)
    {
        Name = Required(name, "Le nom de la résidence est obligatoire.");
        Address = address?.Trim();
        Town = town?.Trim();
    }

    /// Renames the residence and changes its type (a boarding house becoming a social residence…).
    public void Describe(string name, ResidenceKind kind, string? address, string? town)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("Type de résidence inconnu.");
        Rename(name, address, town);
        Kind = kind;
    }

    internal static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException(message) : text.Trim();
}

/// One dwelling of the stock. Rent and charges are monthly amounts in euros.
public class Dwelling
{
    private Dwelling() { }

    public Dwelling(long residenceId, string label, Typology typology, Financing financing, decimal rent, decimal charges, bool associationHoldsLease)
    {
        ResidenceId = residenceId;
        Label = Residence.Required(label, "Le numéro ou le nom du logement est obligatoire.");
        Typology = Enum.IsDefined(typology) ? typology : throw new DomainRuleException("Typologie inconnue.");
        Financing = financing;
        SetRent(rent, charges);
        AssociationHoldsLease = associationHoldsLease;
    }

    public long Id { get; private set; }
    public long ResidenceId { get; private set; }
    public string Label { get; private set; } = "";
    public Typology Typology { get; private set; }
    public Financing Financing { get; private set; }
    public decimal Rent { get; private set; }
    public decimal Charges { get; private set; }
    /// True when the association is the tenant and sublets (intermédiation locative, bail glissant).
    public bool AssociationHoldsLease { get; private set; }
    /// Street address of the dwelling (scattered dwellings have their own), floor or door included.
    public string? Address { get; private set; }
    /// The owner the lease is signed with (bailleur social, private owner…).
    public string? Landlord { get; private set; }
    /// Taken out of the stock (sold, returned to the landlord): kept for history, no longer allocated.
    public bool IsWithdrawn { get; private set; }

    public int MaxOccupants => OccupancyStandard.MaxOccupants(Typology, youngChildren: 0);

    public void SetRent(decimal rent, decimal charges)
    {
        if (rent < 0 || charges < 0) throw new DomainRuleException("Le loyer et les charges ne peuvent pas être négatifs.");
        Rent = rent;
        Charges = charges;
    }

    public void Describe(string label, Typology typology, Financing financing, bool associationHoldsLease)
    {
        Label = Residence.Required(label, "Le numéro ou le nom du logement est obligatoire.");
        Typology = Enum.IsDefined(typology) ? typology : throw new DomainRuleException("Typologie inconnue.");
        Financing = financing;
        AssociationHoldsLease = associationHoldsLease;
    }

    public void Locate(string? address, string? landlord)
    {
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Landlord = string.IsNullOrWhiteSpace(landlord) ? null : landlord.Trim();
    }

    public void Withdraw(bool withdrawn) => IsWithdrawn = withdrawn;

    /// The household's share once housing benefit is paid, with the resources it declared.
    public RentBurden BurdenFor(IEnumerable<(IncomeKind Kind, decimal MonthlyAmount)> incomes) =>
        RentBurden.From(incomes, Rent, Charges);
}
