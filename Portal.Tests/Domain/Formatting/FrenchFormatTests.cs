using Portal.Domain.Formatting;

namespace Portal.Tests.Domain.Formatting;

public class FrenchFormatTests
{
    [Fact]
    public void Dates_are_written_in_french() =>
        Assert.Equal("22 novembre 2026", French.Date(new DateOnly(2026, 11, 22)));

    [Fact]
    public void Amounts_use_french_separators_and_euro_sign()
    {
        var text = French.Money(1500m);
        Assert.Equal("1 500,00 €", text.Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }

    [Fact]
    public void Times_are_shown_in_paris_time_across_daylight_saving()
    {
        Assert.Equal("25/11/2026 à 13:00", French.DateTimeShort(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("01/07/2026 à 14:00", French.DateTimeShort(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
    }
}
