namespace Portal.Documents;

/// What the document status block (Pages/Suivi/Documents/_DocumentStatus) shows: the document,
/// the element it replaces when polled, and the key of a fresh request (so the block polls anew).
public sealed record DocumentStatusView(DocumentRow Row, string? Target, string? NewKey);
