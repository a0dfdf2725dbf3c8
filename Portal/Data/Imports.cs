namespace Portal.Data;

/// What a column of the association's spreadsheet holds, in Passerelle's words.
public enum ImportField
{
    Ignored = 0,
    HouseholdKey = 1,
    LastName = 2,
    FirstName = 3,
    BirthDate = 4,
    Relationship = 5,
    Phone = 6,
    Email = 7,
    Address = 8,
    Town = 9,
    Team = 10,
    Notes = 11,
}

public enum ImportStage
{
    /// The file is read; its columns wait to be matched to Passerelle's fields.
    Mapping = 0,
    /// Every row is checked: problems at the cell, probable duplicates side by side.
    Preview = 1,
    /// The admin launched the import: a background job (ImportRun) is writing the files.
    Importing = 2,
    Imported = 3,
}

/// What to do with a row that probably names someone Passerelle already knows.
public enum DuplicateDecision
{
    Undecided = 0,
    /// The row is that person: the existing file is completed (empty fields only), nobody is added twice.
    Merge = 1,
    /// A new file, with a note in both journals pointing at each other (a relative, a former partner…).
    Link = 2,
    /// A new file, unrelated.
    Separate = 3,
    /// The row is not imported.
    Ignore = 4,
}

public enum ImportOutcome
{
    Pending = 0,
    Created = 1,
    Merged = 2,
    Skipped = 3,
}

/// The columns of one association's spreadsheet matched once to Passerelle's fields, offered again
/// for every file with the same headers.
public class ImportMapping
{
    public int Id { get; set; }
    /// The file's headers, normalised (accent-free, upper case) and joined: the same layout, the same key.
    public string HeaderKey { get; set; } = "";
    /// The original headers, for the admin's eye (JSON array).
    public string Headers { get; set; } = "[]";
    /// One ImportField name per column (JSON array, same order as the headers).
    public string Fields { get; set; } = "[]";
    /// The team given to rows whose team cell is empty.
    public int? DefaultTeamId { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
}

/// One uploaded spreadsheet, from its columns to its report.
public class ImportBatch
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    public string UploadedById { get; set; } = "";
    public string UploadedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public ImportStage Stage { get; set; }
    /// The header row as read (JSON array).
    public string Headers { get; set; } = "[]";
    /// One ImportField name per column (JSON array), once the columns are matched.
    public string? Fields { get; set; }
    /// The team given to rows whose team cell is empty.
    public int? DefaultTeamId { get; set; }
    public int RowCount { get; set; }
    public int CreatedCount { get; set; }
    public int MergedCount { get; set; }
    public int SkippedCount { get; set; }
    public int HouseholdsCreated { get; set; }
    public DateTime? ImportedAtUtc { get; set; }
    /// When the retention purge deleted the file's rows (RetentionPolicy.ImportFiles): the report stays.
    public DateTime? RowsPurgedAtUtc { get; set; }
    /// Bumped by every change of the preview: an edit made on a stale page is told so.
    public int Version { get; set; }
}

/// One line of the file: its cells as read (and corrected), what is wrong with them, the
/// probable duplicate found, and what became of it.
public class ImportRow
{
    public long Id { get; set; }
    public long ImportBatchId { get; set; }
    /// The line number in the file (the header is line 1), as the admin sees it in Excel.
    public int Line { get; set; }
    /// The cells (JSON array of strings, same order as the headers).
    public string Cells { get; set; } = "[]";
    /// The problems, one per cell at most (JSON array of {"Column":n,"Message":"…"}), null when none.
    public string? Problems { get; set; }
    public bool HasErrors { get; set; }
    public long? DuplicateHouseholdId { get; set; }
    public long? DuplicatePersonId { get; set; }
    public DuplicateDecision Decision { get; set; }
    public ImportOutcome Outcome { get; set; }
    /// Why the row was skipped, or what it became, in French.
    public string? OutcomeNote { get; set; }
    public long? HouseholdId { get; set; }
}

/// The background import of a batch, a work row like a document request: leased, renewed by the
/// node's heartbeat, taken over if the node dies. One per batch (unique index): the same click twice
/// imports once.
public class ImportRun : WorkItem
{
    public long ImportBatchId { get; set; }
    public string RequestedById { get; set; } = "";
    public string RequestedByName { get; set; } = "";
}
