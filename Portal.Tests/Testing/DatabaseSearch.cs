using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Testing;

/// Looks for texts in every column of every table of the database, whatever the model says: text
/// columns (case-insensitive), file contents (bytes) and dates (as ISO text). Returns
/// "Table.Column" for each column holding one of them, with the text found.
public static class DatabaseSearch
{
    public static async Task<IReadOnlyList<string>> FindAsync(PortalDbContext db, IEnumerable<string> needles)
    {
        var wanted = needles.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var postgres = db.Database.ProviderName!.Contains("Npgsql");
        var columns = postgres ? await PostgresColumnsAsync(connection) : await SqliteColumnsAsync(connection);
        var found = new List<string>();
        foreach (var (table, column, isBytes) in columns)
        {
            foreach (var needle in wanted)
            {
                await using var command = connection.CreateCommand();
                var t = Quote(table);
                var c = Quote(column);
                command.CommandText = (postgres, isBytes) switch
                {
                    (true, true) => $"SELECT COUNT(*) FROM {t} WHERE position(@p IN {c}) > 0",
                    (true, false) => $"SELECT COUNT(*) FROM {t} WHERE strpos(lower({c}::text), lower(@p)) > 0",
                    (false, true) => $"SELECT COUNT(*) FROM {t} WHERE instr({c}, @p) > 0",
                    (false, false) => $"SELECT COUNT(*) FROM {t} WHERE instr(lower(CAST({c} AS TEXT)), lower(@p)) > 0",
                };
                var parameter = command.CreateParameter();
                parameter.ParameterName = "p";
                parameter.Value = isBytes ? Encoding.UTF8.GetBytes(needle) : needle;
                command.Parameters.Add(parameter);
                var count = Convert.ToInt64(await command.ExecuteScalarAsync());
                if (count > 0) found.Add($"{(table.StartsWith("public.", StringComparison.Ordinal) ? table[7..] : table)}.{column} ({needle})");
            }
        }
        return found;
    }

    private static string Quote(string name) => name.Contains('.') ? string.Join('.', name.Split('.').Select(Quote)) : "\"" + name.Replace("\"", "\"\"") + "\"";

    private static async Task<List<(string, string, bool)>> PostgresColumnsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1, 2, 3
            """;
        var list = new List<(string, string, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(($"{reader.GetString(0)}.{reader.GetString(1)}", reader.GetString(2), reader.GetString(3) == "bytea"));
        return list;
    }

    private static async Task<List<(string, string, bool)>> SqliteColumnsAsync(DbConnection connection)
    {
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var list = new List<(string, string, bool)>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name, type FROM pragma_table_info('{table.Replace("'", "''")}')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                list.Add((table, reader.GetString(0), reader.GetString(1).Equals("BLOB", StringComparison.OrdinalIgnoreCase)));
        }
        return list;
    }
}
