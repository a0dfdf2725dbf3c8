namespace Portal.Data;

/// Each support measure carries a copy of its household's team, referent and status, kept by the
/// database itself (triggers created by the MeasureHouseholdScope migration): when a measure is
/// added or moved to another household (a merge), and when a household changes team, referent or
/// status, however made (EF, bulk updates, foreign keys setting a deleted team or account to
/// null). The dashboard counts the reviews of every household a person may open from the
/// measures alone (<see cref="Portal.CaseFiles.StaffScope.VisibleOfActiveHouseholds"/>):
/// looking up each measure's household was most of its time at 100,000 households. The site never
/// writes these columns; EF is told to leave them out of its inserts and updates.
public static class HouseholdScopeCopy
{
    public const string TeamId = "HouseholdTeamId";
    public const string ReferentId = "HouseholdReferentId";
    public const string Status = "HouseholdStatus";

    public const string MeasureInsertTrigger = "TR_SupportMeasures_HouseholdScope_Insert";
    public const string MeasureMoveTrigger = "TR_SupportMeasures_HouseholdScope_Move";
    public const string HouseholdUpdateTrigger = "TR_Households_Scope_Update";
}
