using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasureHouseholdScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HouseholdReferentId",
                table: "SupportMeasures",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HouseholdStatus",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HouseholdTeamId",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: true);

            // Kept by the database (HouseholdScopeCopy): a measure added or moved to another
            // household, a household changing team, referent or status however made (EF, bulk
            // updates, a deleted team or account set to null by the foreign keys).
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_SupportMeasures_HouseholdScope_Insert" AFTER INSERT ON "SupportMeasures"
                BEGIN
                    UPDATE "SupportMeasures" SET ("HouseholdTeamId", "HouseholdReferentId", "HouseholdStatus") =
                        (SELECT "TeamId", "ReferentId", "Status" FROM "Households" WHERE "Id" = NEW."HouseholdId")
                    WHERE "Id" = NEW."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_SupportMeasures_HouseholdScope_Move" AFTER UPDATE OF "HouseholdId" ON "SupportMeasures"
                WHEN OLD."HouseholdId" <> NEW."HouseholdId"
                BEGIN
                    UPDATE "SupportMeasures" SET ("HouseholdTeamId", "HouseholdReferentId", "HouseholdStatus") =
                        (SELECT "TeamId", "ReferentId", "Status" FROM "Households" WHERE "Id" = NEW."HouseholdId")
                    WHERE "Id" = NEW."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Households_Scope_Update" AFTER UPDATE OF "TeamId", "ReferentId", "Status" ON "Households"
                WHEN OLD."TeamId" IS NOT NEW."TeamId" OR OLD."ReferentId" IS NOT NEW."ReferentId" OR OLD."Status" <> NEW."Status"
                BEGIN
                    UPDATE "SupportMeasures" SET "HouseholdTeamId" = NEW."TeamId", "HouseholdReferentId" = NEW."ReferentId", "HouseholdStatus" = NEW."Status"
                    WHERE "HouseholdId" = NEW."Id";
                END;
                """);
            migrationBuilder.Sql("""
                UPDATE "SupportMeasures" SET ("HouseholdTeamId", "HouseholdReferentId", "HouseholdStatus") =
                    (SELECT "TeamId", "ReferentId", "Status" FROM "Households" AS h WHERE h."Id" = "SupportMeasures"."HouseholdId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_SupportMeasures_HouseholdScope_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_SupportMeasures_HouseholdScope_Move";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Households_Scope_Update";""");
            migrationBuilder.DropColumn(
                name: "HouseholdReferentId",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "HouseholdStatus",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "HouseholdTeamId",
                table: "SupportMeasures");
        }
    }
}
