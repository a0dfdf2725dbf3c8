using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MediationWorkshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PersonId",
                table: "WorkshopSignups",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<long>(
                name: "HouseholdPersonId",
                table: "WorkshopSignups",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Civility",
                table: "HouseholdPersons",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Mediations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Landlord = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LandlordPartnerId = table.Column<long>(type: "bigint", nullable: true),
                    Issue = table.Column<int>(type: "integer", nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    OutcomeDetails = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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

            migrationBuilder.AddForeignKey(
                name: "FK_WorkshopSignups_HouseholdPersons_HouseholdPersonId",
                table: "WorkshopSignups",
                column: "HouseholdPersonId",
                principalTable: "HouseholdPersons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
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
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
