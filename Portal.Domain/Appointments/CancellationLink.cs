namespace Portal.Domain.Appointments;

/// What a cancellation link in an email finds when it is opened.
public enum CancellationLinkState
{
    Valid = 0,
    /// Past the change limit: the person has to call.
    Expired = 1,
    /// The appointment is no longer booked (cancelled through this link or otherwise, or held).
    NoLongerBooked = 2,
    /// The appointment was moved since the email was sent: a newer email carries the right link.
    Superseded = 3,
}

/// The rule of validity of the cancellation link sent in every appointment email, which works
/// without signing in. The web project signs the appointment id and the start it was issued for
/// (ASP.NET Data Protection, with <see cref="ExpiresAtUtc"/> as the token's lifetime); this says
/// whether a correctly signed link may still cancel.
///
/// Single use comes from the appointment itself, with no table of used tokens: once the link has
/// cancelled, the appointment is no longer booked; once it is moved, the start no longer matches.
/// Opening the link shows a confirmation button (a POST); a GET never cancels, because mail
/// scanners open links.
public static class CancellationLink
{
    /// The link lives as long as the person may cancel online.
    public static DateTime ExpiresAtUtc(DateTime appointmentStartUtc, AppointmentPolicy policy) =>
        policy.ChangeDeadline(appointmentStartUtc);

    public static CancellationLinkState Check(
        DateTime issuedForStartUtc, AppointmentStatus status, DateTime currentStartUtc, DateTime nowUtc, AppointmentPolicy policy)
    {
        if (status != AppointmentStatus.Booked) return CancellationLinkState.NoLongerBooked;
        if (currentStartUtc != issuedForStartUtc) return CancellationLinkState.Superseded;
        if (!policy.CanChange(currentStartUtc, nowUtc)) return CancellationLinkState.Expired;
        return CancellationLinkState.Valid;
    }

    /// What the landing page says, in French.
    public static string Message(this CancellationLinkState state, AppointmentPolicy policy) => state switch
    {
        CancellationLinkState.Valid => "Vous pouvez annuler ce rendez-vous. Confirmez ci-dessous.",
        CancellationLinkState.Expired => $"Ce lien n'est plus valable : un rendez-vous ne peut plus être annulé en ligne moins de {policy.LimitText} avant son heure. Appelez l'association.",
        CancellationLinkState.NoLongerBooked => "Ce lien a déjà servi ou le rendez-vous n'est plus prévu : il n'y a rien à annuler.",
        CancellationLinkState.Superseded => "Ce rendez-vous a été déplacé depuis l'envoi de ce message. Utilisez le lien du message le plus récent.",
        _ => state.ToString(),
    };
}
