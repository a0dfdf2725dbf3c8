namespace Portal.Domain.Support;

/// The initial diagnostic of a support measure (one per measure): what the worker found when the
/// support began. A confidential one is read only by whoever may read the household's confidential
/// journal entries (its referent and managers); others see that it exists.
public sealed class Diagnostic
{
    public const int MaxLength = 8000;

    private Diagnostic() { }

    internal Diagnostic(long supportMeasureId, DateOnly writtenOn, string authorId, string authorName, string text, bool isConfidential, DateTime createdAtUtc)
    {
        SupportMeasureId = supportMeasureId;
        WrittenOn = writtenOn;
        AuthorId = authorId;
        AuthorName = authorName;
        Text = text;
        IsConfidential = isConfidential;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }
    public long SupportMeasureId { get; private set; }
    public DateOnly WrittenOn { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public bool IsConfidential { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// The text for a reader, or null when it is confidential and they may not read it.
    public string? TextFor(bool mayReadConfidential) => !IsConfidential || mayReadConfidential ? Text : null;

    /// The journal line that tells the household's story that the diagnostic was written; the text
    /// itself stays with the measure, under its confidentiality.
    public static string JournalLine(long measureId) => $"Diagnostic initial écrit (mesure n° {measureId}).";
}
