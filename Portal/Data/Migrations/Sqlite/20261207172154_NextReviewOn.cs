using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NextReviewOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "NextReviewOn",
                table: "SupportMeasures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_Status_NextReviewOn",
                table: "SupportMeasures",
                columns: new[] { "Status", "NextReviewOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportMeasures_Status_NextReviewOn",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "NextReviewOn",
                table: "SupportMeasures");
        }
    }
}
