using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MediationWorkshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PersonId becomes optional and HouseholdPersonId arrives with its foreign key. EF would
            // rebuild the table under "PRAGMA foreign_keys = 0", which cannot run in the migration's
            // transaction; no table references WorkshopSignups, so it is rebuilt here with the
            // constraints on, in the transaction, and its indexes made again.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_WorkshopSignups" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkshopSignups" PRIMARY KEY AUTOINCREMENT,
                    "Attended" INTEGER NULL,
                    "CreatedAtUtc" TEXT NOT NULL,
                    "HouseholdPersonId" INTEGER NULL,
                    "JoinedAtUtc" TEXT NOT NULL,
                    "OfferExpiresAtUtc" TEXT NULL,
                    "PersonId" TEXT NULL,
                    "Status" INTEGER NOT NULL,
                    "WorkshopId" INTEGER NOT NULL,
                    CONSTRAINT "FK_WorkshopSignups_AspNetUsers_PersonId" FOREIGN KEY ("PersonId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_WorkshopSignups_HouseholdPersons_HouseholdPersonId" FOREIGN KEY ("HouseholdPersonId") REFERENCES "HouseholdPersons" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_WorkshopSignups_Workshops_WorkshopId" FOREIGN KEY ("WorkshopId") REFERENCES "Workshops" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_WorkshopSignups" ("Id", "Attended", "CreatedAtUtc", "JoinedAtUtc", "OfferExpiresAtUtc", "PersonId", "Status", "WorkshopId")
                SELECT "Id", "Attended", "CreatedAtUtc", "JoinedAtUtc", "OfferExpiresAtUtc", "PersonId", "Status", "WorkshopId" FROM "WorkshopSignups";
                DROP TABLE "WorkshopSignups";
                ALTER TABLE "ef_temp_WorkshopSignups" RENAME TO "WorkshopSignups";
                CREATE INDEX "IX_WorkshopSignups_PersonId_Status" ON "WorkshopSignups" ("PersonId", "Status");
                CREATE INDEX "IX_WorkshopSignups_Status_OfferExpiresAtUtc" ON "WorkshopSignups" ("Status", "OfferExpiresAtUtc");
                CREATE UNIQUE INDEX "IX_WorkshopSignups_WorkshopId_PersonId" ON "WorkshopSignups" ("WorkshopId", "PersonId");
                """);

            migrationBuilder.AddColumn<int>(
                name: "Civility",
                table: "HouseholdPersons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Mediations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Landlord = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LandlordPartnerId = table.Column<long>(type: "INTEGER", nullable: true),
                    Issue = table.Column<int>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeDetails = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mediations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mediations_HouseholdPartners_LandlordPartnerId",
                        column: x => x.LandlordPartnerId,
                        principalTable: "HouseholdPartners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Mediations_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSignups_HouseholdPersonId",
                table: "WorkshopSignups",
                column: "HouseholdPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSignups_WorkshopId_HouseholdPersonId",
                table: "WorkshopSignups",
                columns: new[] { "WorkshopId", "HouseholdPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mediations_HouseholdId_StartedOn",
                table: "Mediations",
                columns: new[] { "HouseholdId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Mediations_LandlordPartnerId",
                table: "Mediations",
                column: "LandlordPartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Mediations_StartedOn",
                table: "Mediations",
                column: "StartedOn");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_WorkshopSignups_HouseholdPersons_HouseholdPersonId",
                table: "WorkshopSignups");

            migrationBuilder.DropTable(
                name: "Mediations");

            migrationBuilder.DropIndex(
                name: "IX_WorkshopSignups_HouseholdPersonId",
                table: "WorkshopSignups");

            migrationBuilder.DropIndex(
                name: "IX_WorkshopSignups_WorkshopId_HouseholdPersonId",
                table: "WorkshopSignups");

            migrationBuilder.DropColumn(
                name: "HouseholdPersonId",
                table: "WorkshopSignups");

            migrationBuilder.DropColumn(
                name: "Civility",
                table: "HouseholdPersons");

            migrationBuilder.AlterColumn<string>(
                name: "PersonId",
                table: "WorkshopSignups",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
