using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

public class StatusCodeModel : PageModel
{
    // Read from the route rather than set in OnGet: UseStatusCodePagesWithReExecute keeps the
    // original method, so a 404 on a form post renders this page as a POST, with no handler run.
    public int Code =>
        int.TryParse(Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture), out var code) ? code : 0;

    public string Heading => Describe(Code).Heading;
    public string Message => Describe(Code).Message;

    public void OnGet(int code)
    {
        // Reached directly rather than re-executed, the answer still carries the status it describes.
        if (code is >= 400 and <= 599)
            Response.StatusCode = code;
    }

    private static (string Heading, string Message) Describe(int code) => code switch
    {
        400 => ("Demande incorrecte", "Votre demande n'a pas pu être traitée. Si vous envoyiez un formulaire, rechargez la page puis réessayez."),
        401 => ("Connexion nécessaire", "Vous devez vous connecter pour voir cette page."),
        403 => ("Accès refusé", "Accès refusé : votre compte n'a pas accès à cette page."),
        404 => ("Page introuvable", "La page que vous cherchez n'existe pas, ou a été déplacée. Vérifiez l'adresse, ou repartez de l'accueil."),
        405 => ("Action impossible", "Cette action n'est pas possible sur cette page."),
        413 => ("Fichier trop volumineux", "Le fichier envoyé est trop gros. Réduisez sa taille puis réessayez."),
        429 => ("Trop de tentatives", "Vous avez fait trop de demandes en peu de temps. Attendez quelques minutes puis réessayez."),
        _ => ("Une erreur est survenue", "Cette page n'a pas pu être affichée. Réessayez dans quelques instants."),
    };
}
