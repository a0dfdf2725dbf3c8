using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
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
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HouseholdStatus",
                table: "SupportMeasures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HouseholdTeamId",
                table: "SupportMeasures",
                type: "integer",
                nullable: true);

            // Kept by the database (HouseholdScopeCopy): a measure added or moved to another
            // household, a household changing team, referent or status however made (EF, bulk
            // updates, a deleted team or account set to null by the foreign keys).
            migrationBuilder.Sql("""
                CREATE FUNCTION support_measures_household_scope() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT h."TeamId", h."ReferentId", h."Status"
                    INTO NEW."HouseholdTeamId", NEW."HouseholdReferentId", NEW."HouseholdStatus"
                    FROM "Households" AS h WHERE h."Id" = NEW."HouseholdId";
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_SupportMeasures_HouseholdScope_Insert" BEFORE INSERT ON "SupportMeasures"
                FOR EACH ROW EXECUTE FUNCTION support_measures_household_scope();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_SupportMeasures_HouseholdScope_Move" BEFORE UPDATE OF "HouseholdId" ON "SupportMeasures"
                FOR EACH ROW WHEN (OLD."HouseholdId" IS DISTINCT FROM NEW."HouseholdId")
                EXECUTE FUNCTION support_measures_household_scope();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION households_scope_to_measures() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "SupportMeasures" SET "HouseholdTeamId" = NEW."TeamId", "HouseholdReferentId" = NEW."ReferentId", "HouseholdStatus" = NEW."Status"
                    WHERE "HouseholdId" = NEW."Id";
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Households_Scope_Update" AFTER UPDATE OF "TeamId", "ReferentId", "Status" ON "Households"
                FOR EACH ROW WHEN (OLD."TeamId" IS DISTINCT FROM NEW."TeamId" OR OLD."ReferentId" IS DISTINCT FROM NEW."ReferentId" OR OLD."Status" <> NEW."Status")
                EXECUTE FUNCTION households_scope_to_measures();
                """);
            migrationBuilder.Sql("""
                UPDATE "SupportMeasures" AS m SET "HouseholdTeamId" = h."TeamId", "HouseholdReferentId" = h."ReferentId", "HouseholdStatus" = h."Status"
                FROM "Households" AS h WHERE h."Id" = m."HouseholdId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_SupportMeasures_HouseholdScope_Insert" ON "SupportMeasures";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_SupportMeasures_HouseholdScope_Move" ON "SupportMeasures";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Households_Scope_Update" ON "Households";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS support_measures_household_scope();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS households_scope_to_measures();");
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
