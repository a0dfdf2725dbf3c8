using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RequestCounts",
                columns: table => new
                {
                    TeamKey = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestCounts", x => new { x.TeamKey, x.Status });
                });

            // Kept by the database at every insert, update and delete of a request, however made
            // (EF, bulk updates, the purge, foreign keys setting a deleted team to null).
            migrationBuilder.Sql("""
                CREATE FUNCTION housing_requests_counts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."SubmittedAtUtc" IS NOT NULL THEN
                        UPDATE "RequestCounts" SET "Count" = "Count" - 1
                        WHERE "TeamKey" = coalesce(OLD."TeamId", 0) AND "Status" = OLD."Status";
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."SubmittedAtUtc" IS NOT NULL THEN
                        INSERT INTO "RequestCounts" ("TeamKey", "Status", "Count") VALUES (coalesce(NEW."TeamId", 0), NEW."Status", 1)
                        ON CONFLICT ("TeamKey", "Status") DO UPDATE SET "Count" = "RequestCounts"."Count" + 1;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_HousingRequests_Counts_Insert" AFTER INSERT ON "HousingRequests"
                FOR EACH ROW EXECUTE FUNCTION housing_requests_counts();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_HousingRequests_Counts_Delete" AFTER DELETE ON "HousingRequests"
                FOR EACH ROW EXECUTE FUNCTION housing_requests_counts();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_HousingRequests_Counts_Update" AFTER UPDATE OF "TeamId", "Status", "SubmittedAtUtc" ON "HousingRequests"
                FOR EACH ROW WHEN ((OLD."SubmittedAtUtc" IS NULL) <> (NEW."SubmittedAtUtc" IS NULL)
                    OR OLD."TeamId" IS DISTINCT FROM NEW."TeamId" OR OLD."Status" <> NEW."Status")
                EXECUTE FUNCTION housing_requests_counts();
                """);
            migrationBuilder.Sql("""
                INSERT INTO "RequestCounts" ("TeamKey", "Status", "Count")
                SELECT coalesce("TeamId", 0), "Status", count(*) FROM "HousingRequests"
                WHERE "SubmittedAtUtc" IS NOT NULL GROUP BY coalesce("TeamId", 0), "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_HousingRequests_Counts_Insert" ON "HousingRequests";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_HousingRequests_Counts_Update" ON "HousingRequests";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_HousingRequests_Counts_Delete" ON "HousingRequests";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS housing_requests_counts();");
            migrationBuilder.DropTable(
                name: "RequestCounts");
        }
    }
}
