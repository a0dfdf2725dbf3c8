using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Partners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WithPartner",
                table: "RequestMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsentGivenOn",
                table: "HousingRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsentMethod",
                table: "HousingRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Urgency",
                table: "HousingRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Town = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerOrganisations", x => x.Id);
                });

            // SQLite adds a column with its foreign key in place (ALTER TABLE ... ADD COLUMN ...
            // REFERENCES), where EF would rebuild the tables outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" ADD COLUMN \"PartnerOrganisationId\" INTEGER NULL CONSTRAINT \"FK_AspNetUsers_PartnerOrganisations_PartnerOrganisationId\" REFERENCES \"PartnerOrganisations\" (\"Id\") ON DELETE SET NULL;");
            migrationBuilder.Sql("ALTER TABLE \"HousingRequests\" ADD COLUMN \"OrientedById\" TEXT NULL CONSTRAINT \"FK_HousingRequests_AspNetUsers_OrientedById\" REFERENCES \"AspNetUsers\" (\"Id\") ON DELETE SET NULL;");
            migrationBuilder.Sql("ALTER TABLE \"HousingRequests\" ADD COLUMN \"PartnerOrganisationId\" INTEGER NULL CONSTRAINT \"FK_HousingRequests_PartnerOrganisations_PartnerOrganisationId\" REFERENCES \"PartnerOrganisations\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateTable(
                name: "LeaseReviewInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SlidingLeaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    SupportMeasureId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    PartnerOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    ReviewLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InvitedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    InvitedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SharedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AsksSlideConfirmation = table.Column<bool>(type: "INTEGER", nullable: false),
                    SlideConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlideConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaseReviewInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaseReviewInvitations_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeaseReviewInvitations_PartnerOrganisations_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "PartnerOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiaoValidations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    HousingRequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    CandidateName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Presentation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiaoValidations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiaoValidations_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SiaoValidations_HousingRequests_HousingRequestId",
                        column: x => x.HousingRequestId,
                        principalTable: "HousingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SiaoValidations_PartnerOrganisations_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "PartnerOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HousingRequests_OrientedById",
                table: "HousingRequests",
                column: "OrientedById");

            migrationBuilder.CreateIndex(
                name: "IX_HousingRequests_PartnerOrganisationId_SubmittedAtUtc",
                table: "HousingRequests",
                columns: new[] { "PartnerOrganisationId", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartnerOrganisationId",
                table: "AspNetUsers",
                column: "PartnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_LeaseReviewInvitations_HouseholdId",
                table: "LeaseReviewInvitations",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_LeaseReviewInvitations_PartnerOrganisationId_ReviewOn",
                table: "LeaseReviewInvitations",
                columns: new[] { "PartnerOrganisationId", "ReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaseReviewInvitations_SupportMeasureId",
                table: "LeaseReviewInvitations",
                column: "SupportMeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerOrganisations_Name",
                table: "PartnerOrganisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiaoValidations_HouseholdId",
                table: "SiaoValidations",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_SiaoValidations_HousingRequestId",
                table: "SiaoValidations",
                column: "HousingRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SiaoValidations_PartnerOrganisationId_Status",
                table: "SiaoValidations",
                columns: new[] { "PartnerOrganisationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_PartnerOrganisations_PartnerOrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_HousingRequests_AspNetUsers_OrientedById",
                table: "HousingRequests");

            migrationBuilder.DropForeignKey(
                name: "FK_HousingRequests_PartnerOrganisations_PartnerOrganisationId",
                table: "HousingRequests");

            migrationBuilder.DropTable(
                name: "LeaseReviewInvitations");

            migrationBuilder.DropTable(
                name: "SiaoValidations");

            migrationBuilder.DropTable(
                name: "PartnerOrganisations");

            migrationBuilder.DropIndex(
                name: "IX_HousingRequests_OrientedById",
                table: "HousingRequests");

            migrationBuilder.DropIndex(
                name: "IX_HousingRequests_PartnerOrganisationId_SubmittedAtUtc",
                table: "HousingRequests");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PartnerOrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WithPartner",
                table: "RequestMessages");

            migrationBuilder.DropColumn(
                name: "ConsentGivenOn",
                table: "HousingRequests");

            migrationBuilder.DropColumn(
                name: "ConsentMethod",
                table: "HousingRequests");

            migrationBuilder.DropColumn(
                name: "OrientedById",
                table: "HousingRequests");

            migrationBuilder.DropColumn(
                name: "PartnerOrganisationId",
                table: "HousingRequests");

            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "HousingRequests");

            migrationBuilder.DropColumn(
                name: "PartnerOrganisationId",
                table: "AspNetUsers");
        }
    }
}
