using Portal.Domain;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Households;

public class HouseholdTests
{
    private static readonly DateTime Now = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    private static Household Followed() =>
        new() { Id = 7, Name = "DURAND Marie", SearchName = "DURAND MARIE", TeamId = 1, ReferentId = "worker-1", CreatedAtUtc = Now, UpdatedAtUtc = Now };

    private static Exit ExitOf(long householdId, DateOnly on) =>
        Exit.Record(householdId, on, on, ExitDestination.SocialLandlord, null, [], [], []);

    [Fact]
    public void The_exit_closes_the_file_on_its_date_once()
    {
        var household = Followed();

        household.RecordExit(ExitOf(7, new DateOnly(2026, 5, 4)), Now);

        Assert.Equal((HouseholdStatus.Exited, (DateOnly?)new DateOnly(2026, 5, 4), 1), (household.Status, household.ExitedOn, household.Version));
        var error = Assert.Throws<DomainRuleException>(() => household.RecordExit(ExitOf(7, new DateOnly(2026, 5, 10)), Now));
        Assert.Equal(("La sortie de ce ménage est déjà enregistrée, le 4 mai 2026.", "ExitedOn"), (error.Message, error.Field));
        Assert.Equal(new DateOnly(2026, 5, 4), household.ExitedOn);
    }

    [Fact]
    public void An_exit_recorded_for_another_household_is_refused()
    {
        var household = Followed();

        Assert.Throws<DomainRuleException>(() => household.RecordExit(ExitOf(8, new DateOnly(2026, 5, 4)), Now));
        Assert.Equal(HouseholdStatus.Active, household.Status);
    }

    [Fact]
    public void Taken_in_by_the_committee_the_file_is_followed_again_by_the_worker_it_names()
    {
        var household = Followed();
        household.RecordExit(ExitOf(7, new DateOnly(2026, 1, 5)), Now);

        household.TakeIn(null, Now);
        Assert.Equal((HouseholdStatus.Active, (DateOnly?)null, "worker-1"), (household.Status, household.ExitedOn, household.ReferentId));

        household.TakeIn("worker-2", Now);
        Assert.Equal("worker-2", household.ReferentId);
    }

    [Fact]
    public void A_manager_hands_the_file_to_a_team_and_a_referent_or_to_nobody()
    {
        var household = Followed();

        household.AssignTo(2, "worker-9");
        Assert.Equal((2, "worker-9"), (household.TeamId, household.ReferentId));

        household.AssignTo(null, " ");
        Assert.Equal(((int?)null, (string?)null), (household.TeamId, household.ReferentId));
    }

    [Fact]
    public void A_journal_entry_tells_what_took_place_by_hand_on_a_past_day()
    {
        var household = Followed();
        var today = new DateOnly(2026, 5, 4);

        var ahead = Assert.Throws<DomainRuleException>(() => household.WriteInJournal(JournalKind.Interview, today.AddDays(1), "Entretien", false, "worker-1", "Wanda", today, Now));
        Assert.Equal(("La date ne peut pas être dans le futur : le journal raconte ce qui a eu lieu.", "OccurredOn"), (ahead.Message, ahead.Field));
        var old = Assert.Throws<DomainRuleException>(() => household.WriteInJournal(JournalKind.Interview, new DateOnly(1999, 12, 31), "Entretien", false, "worker-1", "Wanda", today, Now));
        Assert.Equal(("Vérifiez l'année : elle doit être après 2000.", "OccurredOn"), (old.Message, old.Field));
        // Honoured appointments and mediations write their own entries.
        var kind = Assert.Throws<DomainRuleException>(() => household.WriteInJournal(JournalKind.Appointment, today, "Entretien", false, "worker-1", "Wanda", today, Now));
        Assert.Equal(("Choisissez le type d'entrée dans la liste.", "Kind"), (kind.Message, kind.Field));
        var blank = Assert.Throws<DomainRuleException>(() => household.WriteInJournal(JournalKind.Note, today, "   ", false, "worker-1", "Wanda", today, Now));
        Assert.Equal(("Écrivez le contenu de l'entrée.", "Text"), (blank.Message, blank.Field));
        Assert.Empty(household.Journal);

        var entry = household.WriteInJournal(JournalKind.HomeVisit, today, "  Visite à domicile.  ", true, "worker-1", new string('W', 250), today, Now);
        Assert.Same(entry, Assert.Single(household.Journal));
        Assert.Equal((7L, JournalKind.HomeVisit, today, "Visite à domicile.", true, 200), (entry.HouseholdId, entry.Kind, entry.OccurredOn, entry.Text, entry.IsConfidential, entry.AuthorName.Length));
    }

    [Fact]
    public void A_household_is_renamed_with_its_search_key_and_a_name_needs_a_letter()
    {
        var household = Followed();

        var blank = Assert.Throws<DomainRuleException>(() => household.Rename(" - ? "));
        Assert.Equal(("Le nom du ménage doit contenir au moins une lettre.", "Name"), (blank.Message, blank.Field));
        Assert.Equal("DURAND Marie", household.Name);

        household.Rename("  KONATÉ Fatou ");
        Assert.Equal(("KONATÉ Fatou", "KONATE FATOU"), (household.Name, household.SearchName));
    }

    [Fact]
    public void A_birth_date_is_a_past_day_after_1900()
    {
        var today = new DateOnly(2026, 5, 4);

        HouseholdPerson.CheckBirthDate(today, today);
        var ahead = Assert.Throws<DomainRuleException>(() => HouseholdPerson.CheckBirthDate(today.AddDays(1), today));
        Assert.Equal(("La date de naissance ne peut pas être dans le futur.", "BirthDate"), (ahead.Message, ahead.Field));
        var old = Assert.Throws<DomainRuleException>(() => HouseholdPerson.CheckBirthDate(new DateOnly(1899, 12, 31), today));
        Assert.Equal("Vérifiez l'année de naissance : elle doit être après 1900.", old.Message);
    }
}
