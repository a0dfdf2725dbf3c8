namespace Portal.Domain.Requests;

public enum Relationship
{
    Applicant = 0,
    Spouse = 1,
    Child = 2,
    Parent = 3,
    OtherRelative = 4,
    Other = 5,
}

/// How a person is addressed in letters and contracts.
public enum Civility
{
    Madame = 0,
    Monsieur = 1,
}

/// How documents name a person: « Madame Fatou KONATE », or « Fatou KONATE » when the civility is
/// not known (never « demandeur ou demandeuse »).
public static class PersonNames
{
    public static string Formal(Civility? civility, string firstName, string lastName)
    {
        var name = $"{firstName.Trim()} {lastName.Trim().ToUpper(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))}".Trim();
        return civility is { } c ? $"{Labels.Of(c)} {name}" : name;
    }
}

public enum IncomeKind
{
    Salary = 0,
    Rsa = 1,
    Aah = 2,
    FamilyAllowance = 3,
    Unemployment = 4,
    Pension = 5,
    HousingBenefit = 6,
    Other = 7,
}

public enum CurrentSituation
{
    Homeless = 0,
    HostedByThirdParty = 1,
    EmergencyShelter = 2,
    SocialResidence = 3,
    UnfitHousing = 4,
    Separation = 5,
    LeavingInstitution = 6,
    TenantInDifficulty = 7,
}

[Flags]
public enum TargetGroups
{
    None = 0,
    Young18To25 = 1,
    ViolenceVictim = 2,
    LeavingPrison = 4,
    RoughSleeper = 8,
    MentalHealth = 16,
    Elderly = 32,
    Disability = 64,
    Refugee = 128,
    LeavingChildWelfare = 256,
    LeavingHospital = 512,
    DaloPriority = 1024,
    LargeFamily = 2048,
    OverIndebted = 4096,
}

[Flags]
public enum Typologies
{
    None = 0,
    T1 = 1,
    T2 = 2,
    T3 = 4,
    T4 = 8,
    T5 = 16,
}

[Flags]
public enum AccessibilityNeeds
{
    None = 0,
    GroundFloorOrLift = 1,
    Wheelchair = 2,
    AdaptedBathroom = 4,
}

public enum SupportingDocumentKind
{
    IdentityDocument = 0,
    TaxNotice = 1,
    IncomeProof = 2,
    CafCertificate = 3,
    ResidencePermit = 4,
    HousingSituationProof = 5,
    DaloDecision = 6,
    Other = 7,
    /// The orienting partner's social assessment (évaluation sociale, rapport SIAO).
    SocialAssessment = 8,
}

public static class Labels
{
    public static string Of(Relationship r) => r switch
    {
        Relationship.Applicant => "Demandeur ou demandeuse",
        Relationship.Spouse => "Conjoint ou conjointe",
        Relationship.Child => "Enfant",
        Relationship.Parent => "Parent",
        Relationship.OtherRelative => "Autre membre de la famille",
        Relationship.Other => "Autre personne",
        _ => r.ToString(),
    };

    public static string Of(Civility c) => c switch
    {
        Civility.Madame => "Madame",
        Civility.Monsieur => "Monsieur",
        _ => c.ToString(),
    };

    public static string Of(IncomeKind k) => k switch
    {
        IncomeKind.Salary => "Salaire",
        IncomeKind.Rsa => "RSA",
        IncomeKind.Aah => "AAH",
        IncomeKind.FamilyAllowance => "Allocations familiales",
        IncomeKind.Unemployment => "Allocation chômage",
        IncomeKind.Pension => "Pension, retraite",
        IncomeKind.HousingBenefit => "APL / AL",
        IncomeKind.Other => "Autre ressource",
        _ => k.ToString(),
    };

    public static string Of(CurrentSituation s) => s switch
    {
        CurrentSituation.Homeless => "Sans domicile",
        CurrentSituation.HostedByThirdParty => "Hébergé(e) chez un tiers",
        CurrentSituation.EmergencyShelter => "Hébergement d'urgence / CHRS",
        CurrentSituation.SocialResidence => "Résidence sociale / foyer",
        CurrentSituation.UnfitHousing => "Logement insalubre ou indigne",
        CurrentSituation.Separation => "Décohabitation, séparation",
        CurrentSituation.LeavingInstitution => "Sortie d'institution (hôpital, prison, ASE…)",
        CurrentSituation.TenantInDifficulty => "Locataire en difficulté pour se maintenir",
        _ => s.ToString(),
    };

    public static string Of(TargetGroups g) => g switch
    {
        TargetGroups.Young18To25 => "Jeunes de 18 à 25 ans",
        TargetGroups.ViolenceVictim => "Femmes victimes de violences",
        TargetGroups.LeavingPrison => "Sortants de prison",
        TargetGroups.RoughSleeper => "Personnes à la rue",
        TargetGroups.MentalHealth => "Troubles de santé mentale",
        TargetGroups.Elderly => "Personnes âgées",
        TargetGroups.Disability => "Personnes en situation de handicap",
        TargetGroups.Refugee => "Réfugiés et bénéficiaires d'une protection internationale",
        TargetGroups.LeavingChildWelfare => "Jeunes sortant de l'ASE",
        TargetGroups.LeavingHospital => "Sortants d'hôpital ou de soins",
        TargetGroups.DaloPriority => "Ménages prioritaires (DALO)",
        TargetGroups.LargeFamily => "Familles nombreuses",
        TargetGroups.OverIndebted => "Ménages surendettés",
        _ => g.ToString(),
    };

    public static string Of(Typologies t) => t.ToString();

    public static string Of(AccessibilityNeeds a) => a switch
    {
        AccessibilityNeeds.GroundFloorOrLift => "Rez-de-chaussée ou ascenseur",
        AccessibilityNeeds.Wheelchair => "Logement accessible en fauteuil roulant",
        AccessibilityNeeds.AdaptedBathroom => "Salle de bain adaptée (douche de plain-pied)",
        _ => a.ToString(),
    };

    public static string Of(SupportingDocumentKind k) => k switch
    {
        SupportingDocumentKind.IdentityDocument => "Pièce d'identité",
        SupportingDocumentKind.TaxNotice => "Avis d'imposition",
        SupportingDocumentKind.IncomeProof => "Justificatif de ressources",
        SupportingDocumentKind.CafCertificate => "Attestation CAF",
        SupportingDocumentKind.ResidencePermit => "Titre de séjour",
        SupportingDocumentKind.HousingSituationProof => "Justificatif de la situation de logement",
        SupportingDocumentKind.DaloDecision => "Décision DALO",
        SupportingDocumentKind.Other => "Autre document",
        SupportingDocumentKind.SocialAssessment => "Évaluation sociale du partenaire",
        _ => k.ToString(),
    };

    public static IEnumerable<T> Flags<T>(T value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt32(f) != 0 && value.HasFlag(f));
}
