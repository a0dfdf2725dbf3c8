using Portal.Domain.Support;

namespace Portal.Data;

public enum ExportFormat
{
    Csv = 0,
    Xlsx = 1,
}

/// The columns someone chose from one table, with the rows' filters: saved under a name (and for a
/// funder) to be run again, or a one-off copy taken when an export is asked for, so that the file
/// made in the background reads exactly what was asked even if the saved one changes meanwhile.
public class ExportDefinition
{
    public long Id { get; set; }
    /// Null for the copy behind one export; set for a definition people pick from the list.
    public string? Name { get; set; }
    public bool IsSaved { get; set; }
    /// The table's key in Portal.Exports.ExportCatalog ("menages", "personnes"…).
    public string Table { get; set; } = "";
    /// The chosen columns' keys, in order, separated by commas.
    public string Columns { get; set; } = "";
    public ExportFormat Format { get; set; }
    /// The funder the definition is made for (saved ones are listed by funder); also a row filter
    /// for tables that have one (measures, households with a measure of that funder).
    public Funder? Funder { get; set; }
    public int? TeamId { get; set; }
    /// Rows dated within these Paris days (each table says which date), both included.
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

/// What a funder grants for a year: the statistics value each funder's activity against it.
public class FunderBudget
{
    public long Id { get; set; }
    public Funder Funder { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
