using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionsPrivacyLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeaseNode",
                table: "OutboundEmails",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAtUtc",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "DocumentRequests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseNode",
                table: "DocumentRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HousingRequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PlacedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PlacedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlacedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_Status_LeaseNode",
                table: "OutboundEmails",
                columns: new[] { "Status", "LeaseNode" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRequests_InProgress",
                table: "DocumentRequests",
                columns: new[] { "RequestedById", "Kind", "SubjectKey" },
                unique: true,
                filter: "\"Status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRequests_SameKey",
                table: "DocumentRequests",
                columns: new[] { "RequestedById", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRequests_Status_LeaseNode",
                table: "DocumentRequests",
                columns: new[] { "Status", "LeaseNode" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_UserId",
                table: "AspNetUserPasskeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_HouseholdId",
                table: "LegalHolds",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_HousingRequestId",
                table: "LegalHolds",
                column: "HousingRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId_LastSeenAtUtc",
                table: "UserSessions",
                columns: new[] { "UserId", "LastSeenAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropIndex(
                name: "IX_OutboundEmails_Status_LeaseNode",
                table: "OutboundEmails");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRequests_InProgress",
                table: "DocumentRequests");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRequests_SameKey",
                table: "DocumentRequests");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRequests_Status_LeaseNode",
                table: "DocumentRequests");

            migrationBuilder.DropColumn(
                name: "LeaseNode",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "AnonymisedAtUtc",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "DocumentRequests");

            migrationBuilder.DropColumn(
                name: "LeaseNode",
                table: "DocumentRequests");
        }
    }
}
