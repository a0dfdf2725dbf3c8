using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsentGivenOn",
                table: "HousingRequests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsentMethod",
                table: "HousingRequests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrientedById",
                table: "HousingRequests",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PartnerOrganisationId",
                table: "HousingRequests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Urgency",
                table: "HousingRequests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PartnerOrganisationId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Town = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerOrganisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeaseReviewInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SlidingLeaseId = table.Column<long>(type: "bigint", nullable: false),
                    SupportMeasureId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    PartnerOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ReviewLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InvitedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InvitedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SharedSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SharedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AsksSlideConfirmation = table.Column<bool>(type: "boolean", nullable: false),
                    SlideConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SlideConfirmedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                        name: "FK_LeaseReviewInvitations_PartnerOrganisations_PartnerOrganisa~",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "PartnerOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiaoValidations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    HousingRequestId = table.Column<long>(type: "bigint", nullable: true),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: true),
                    CandidateName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Presentation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RequestedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_PartnerOrganisations_PartnerOrganisationId",
                table: "AspNetUsers",
                column: "PartnerOrganisationId",
                principalTable: "PartnerOrganisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_HousingRequests_AspNetUsers_OrientedById",
                table: "HousingRequests",
                column: "OrientedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_HousingRequests_PartnerOrganisations_PartnerOrganisationId",
                table: "HousingRequests",
                column: "PartnerOrganisationId",
                principalTable: "PartnerOrganisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
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
