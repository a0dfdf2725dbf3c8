using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.Import;

/// A person already known, as the duplicate check compares them.
public sealed record KnownPerson(long PersonId, long HouseholdId, string FirstName, string LastName, DateOnly? BirthDate, string? PhoneKey, string? EmailKey);

/// The people Passerelle already knows, by name key, to find who a spreadsheet row probably is:
/// the same name (accents, case and word order ignored, so « Élodie MARTIN-DURAND » is « durand martin elodie »)
/// and the same birth date, phone or email.
public sealed class DuplicateIndex
{
    private readonly Dictionary<string, List<KnownPerson>> byName = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// The name as a key: the household search's accent-free upper case, words sorted.
    public static string NameKey(string firstName, string lastName)
    {
        var words = RequestReference.SearchKey($"{firstName} {lastName}").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(words, StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    public static string? EmailKey(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public void Add(KnownPerson person)
    {
        var key = NameKey(person.FirstName, person.LastName);
        if (key.Length == 0) return;
        if (!byName.TryGetValue(key, out var list)) byName[key] = list = [];
        list.Add(person);
        Count++;
    }

    /// Every person of every file not anonymised, with their household's phone and email.
    public static async Task<DuplicateIndex> BuildAsync(PortalDbContext db, CancellationToken ct)
    {
        var index = new DuplicateIndex();
        var rows = db.HouseholdPersons.AsNoTracking()
            .Join(db.Households.Where(h => h.AnonymisedAtUtc == null), p => p.HouseholdId, h => h.Id,
                (p, h) => new { p.Id, p.HouseholdId, p.FirstName, p.LastName, p.BirthDate, h.Phone, h.Email })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
            index.Add(new KnownPerson(r.Id, r.HouseholdId, r.FirstName, r.LastName, r.BirthDate, ImportRowCheck.PhoneKey(r.Phone), EmailKey(r.Email)));
        return index;
    }

    /// The known person this one probably is, or null: same name key, and the same birth date, phone or
    /// email. A birth-date match is preferred to a contact match.
    public KnownPerson? Find(string firstName, string lastName, DateOnly? birthDate, string? phone, string? email)
    {
        if (!byName.TryGetValue(NameKey(firstName, lastName), out var candidates)) return null;
        var phoneKey = ImportRowCheck.PhoneKey(phone);
        var emailKey = EmailKey(email);
        return candidates.FirstOrDefault(c => birthDate is not null && c.BirthDate == birthDate)
            ?? candidates.FirstOrDefault(c => (phoneKey is not null && c.PhoneKey == phoneKey) || (emailKey is not null && c.EmailKey == emailKey));
    }
}
