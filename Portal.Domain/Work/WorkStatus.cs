namespace Portal.Domain.Work;

/// Life of a piece of background work kept as a row (an email to send, a document to generate).
public enum WorkStatus
{
    Pending = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
}

public static class WorkStatusLabels
{
    public static string Label(this WorkStatus status) => status switch
    {
        WorkStatus.Pending => "En attente",
        WorkStatus.Running => "En cours",
        WorkStatus.Done => "Terminé",
        WorkStatus.Failed => "Échec",
        _ => status.ToString(),
    };
}
