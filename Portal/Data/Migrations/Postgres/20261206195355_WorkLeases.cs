using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeaseNode",
                table: "OutboundEmails",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "DocumentRequests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseNode",
                table: "DocumentRequests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_Status_LeaseNode",
                table: "OutboundEmails",
                columns: new[] { "Status", "LeaseNode" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRequests_RequestedById_IdempotencyKey",
                table: "DocumentRequests",
                columns: new[] { "RequestedById", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRequests_Status_LeaseNode",
                table: "DocumentRequests",
                columns: new[] { "Status", "LeaseNode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboundEmails_Status_LeaseNode",
                table: "OutboundEmails");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRequests_RequestedById_IdempotencyKey",
                table: "DocumentRequests");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRequests_Status_LeaseNode",
                table: "DocumentRequests");

            migrationBuilder.DropColumn(
                name: "LeaseNode",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "DocumentRequests");

            migrationBuilder.DropColumn(
                name: "LeaseNode",
                table: "DocumentRequests");
        }
    }
}
