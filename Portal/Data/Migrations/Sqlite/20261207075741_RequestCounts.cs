using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
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
                    TeamKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestCounts", x => new { x.TeamKey, x.Status });
                });

            // Kept by the database at every insert, update and delete of a request, however made
            // (EF, bulk updates, the purge, foreign keys setting a deleted team to null).
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_HousingRequests_Counts_Insert" AFTER INSERT ON "HousingRequests"
                WHEN NEW."SubmittedAtUtc" IS NOT NULL
                BEGIN
                    INSERT INTO "RequestCounts" ("TeamKey", "Status", "Count") VALUES (coalesce(NEW."TeamId", 0), NEW."Status", 1)
                    ON CONFLICT ("TeamKey", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_HousingRequests_Counts_Delete" AFTER DELETE ON "HousingRequests"
                WHEN OLD."SubmittedAtUtc" IS NOT NULL
                BEGIN
                    UPDATE "RequestCounts" SET "Count" = "Count" - 1
                    WHERE "TeamKey" = coalesce(OLD."TeamId", 0) AND "Status" = OLD."Status";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_HousingRequests_Counts_Update" AFTER UPDATE OF "TeamId", "Status", "SubmittedAtUtc" ON "HousingRequests"
                WHEN (OLD."SubmittedAtUtc" IS NULL) <> (NEW."SubmittedAtUtc" IS NULL)
                  OR coalesce(OLD."TeamId", 0) <> coalesce(NEW."TeamId", 0)
                  OR OLD."Status" <> NEW."Status"
                BEGIN
                    UPDATE "RequestCounts" SET "Count" = "Count" - 1
                    WHERE OLD."SubmittedAtUtc" IS NOT NULL AND "TeamKey" = coalesce(OLD."TeamId", 0) AND "Status" = OLD."Status";
                    INSERT INTO "RequestCounts" ("TeamKey", "Status", "Count")
                    SELECT coalesce(NEW."TeamId", 0), NEW."Status", 1 WHERE NEW."SubmittedAtUtc" IS NOT NULL
                    ON CONFLICT ("TeamKey", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
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
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_HousingRequests_Counts_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_HousingRequests_Counts_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_HousingRequests_Counts_Delete";""");
            migrationBuilder.DropTable(
                name: "RequestCounts");
        }
    }
}
