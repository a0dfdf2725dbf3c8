using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RowsPurgedAtUtc",
                table: "ImportBatches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_Stage_RowsPurgedAtUtc_ImportedAtUtc",
                table: "ImportBatches",
                columns: new[] { "Stage", "RowsPurgedAtUtc", "ImportedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportBatches_Stage_RowsPurgedAtUtc_ImportedAtUtc",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "RowsPurgedAtUtc",
                table: "ImportBatches");
        }
    }
}
