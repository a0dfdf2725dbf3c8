namespace Portal.Domain.Accounts;

public static class Roles
{
    public const string Resident = "Resident";
    public const string SocialWorker = "SocialWorker";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Resident, SocialWorker, Manager, Admin];

    /// Roles an admin may give when creating a staff account.
    public static readonly IReadOnlyList<string> Staff = [SocialWorker, Manager, Admin];

    public static string Label(string role) => role switch
    {
        Resident => "Résident",
        SocialWorker => "Travailleur social",
        Manager => "Responsable",
        Admin => "Administrateur",
        _ => role,
    };
}
