namespace Portal.Domain.Accounts;

public static class Roles
{
    public const string Resident = "Resident";
    public const string SocialWorker = "SocialWorker";
    public const string Manager = "Manager";
    public const string Admin = "Admin";
    /// Staff of a partner organisation (SIAO, CCAS, landlord…): only /partenaire, never staff.
    public const string Partner = "Partner";

    public static readonly IReadOnlyList<string> All = [Resident, SocialWorker, Manager, Admin, Partner];

    /// Roles an admin may give when creating a staff account.
    public static readonly IReadOnlyList<string> Staff = [SocialWorker, Manager, Admin];

    public static string Label(string role) => role switch
    {
        Resident => "Résident",
        SocialWorker => "Travailleur social",
        Manager => "Responsable",
        Admin => "Administrateur",
        Partner => "Partenaire",
        _ => role,
    };
}
