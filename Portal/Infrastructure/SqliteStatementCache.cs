using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;
using SQLitePCL;

namespace Portal.Infrastructure;

/// SQLite connections kept open between signed-in requests, each with the statements it compiled.
///
/// Microsoft.Data.Sqlite compiles every statement again each time a command runs (it keeps the
/// compiled statement only on the command object, and disposes it when the connection closes).
/// Compiling SQL was the largest part of what a page's queries cost: 10 % of a resident's list page,
/// a fifth of the request timeline (wide entities, split queries). A signed-in request now borrows
/// one of these connections (`DatabaseSetup.UseConnectionPerRequest`), and EF's commands on it reuse
/// the statement compiled for the same SQL text on that connection (`KeptCommand`).
///
/// Each connection is made by EF (through a context of the pool that owns it while it is kept), so
/// it has the functions EF's SQL relies on (decimal arithmetic, regexp). A connection goes back to
/// the shelf only in a clean state (no transaction open, no statement left running); anything else
/// is closed. A kept statement stays right when the schema changes: SQLite compiles it again by
/// itself when the schema it was made for changed.
public sealed class SqliteStatementCache : IDisposable
{
    private static readonly ConditionalWeakTable<DbConnection, StatementSet> KeptStatements = new();

    private readonly Func<(SqliteConnection Connection, IDisposable? Owner)> newConnection;
    private readonly Stack<Kept> shelf = new();
    private readonly int shelfSize;
    private bool disposed;

    /// `newConnection` makes a connection, not yet open, and what owns it (disposed when the
    /// connection is let go).
    public SqliteStatementCache(Func<(SqliteConnection Connection, IDisposable? Owner)> newConnection, int? shelfSize = null)
    {
        this.newConnection = newConnection;
        this.shelfSize = shelfSize ?? Math.Max(16, 4 * Environment.ProcessorCount);
    }

    /// The site's: connections made by a context of EF's pool, as EF makes its own.
    public static SqliteStatementCache ForSite(IServiceProvider services) => new(() =>
    {
        var owner = services.GetRequiredService<IDbContextFactory<SqlitePortalDbContext>>().CreateDbContext();
        return ((SqliteConnection)owner.Database.GetDbConnection(), owner);
    });

    /// How many kept connections wait on the shelf (for the tests).
    public int Idle { get { lock (shelf) return shelf.Count; } }

    /// An open connection, with the statements it compiled for earlier requests.
    public Kept Rent()
    {
        lock (shelf)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (shelf.TryPop(out var kept)) return kept;
        }
        var (connection, owner) = newConnection();
        try
        {
            connection.Open();
            // SQLitePCL lists a connection's statements only when asked to from the start (IsClean).
            connection.Handle!.enable_sqlite3_next_stmt(true);
            DatabaseSetup.ApplySqlitePragmas(connection);
            var statements = new StatementSet(connection);
            KeptStatements.AddOrUpdate(connection, statements);
            return new Kept(connection, owner, statements);
        }
        catch
        {
            if (owner is null) connection.Dispose();
            else
            {
                connection.Close();
                owner.Dispose();
            }
            throw;
        }
    }

    /// Back on the shelf if nothing is left running on it; closed otherwise.
    public void Return(Kept kept)
    {
        if (kept.IsClean())
        {
            lock (shelf)
            {
                if (!disposed && shelf.Count < shelfSize)
                {
                    shelf.Push(kept);
                    return;
                }
            }
        }
        kept.Dispose();
    }

    public void Dispose()
    {
        lock (shelf)
        {
            disposed = true;
            while (shelf.TryPop(out var kept)) kept.Dispose();
        }
    }

    /// The kept statements of a connection, if it is one of the kept ones.
    internal static StatementSet? StatementsOf(DbConnection? connection) =>
        connection is not null && KeptStatements.TryGetValue(connection, out var set) ? set : null;

    /// EF asks for a command: on a kept connection it gets one that reuses the compiled statements.
    public sealed class Interceptor : DbCommandInterceptor
    {
        public static readonly Interceptor Instance = new();

        public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
            StatementsOf(eventData.Connection) is { } set
                ? InterceptionResult<DbCommand>.SuppressWithResult(new KeptCommand(set))
                : result;
    }

    public sealed class Kept : IDisposable
    {
        private readonly IDisposable? owner;

        internal Kept(SqliteConnection connection, IDisposable? owner, StatementSet statements)
        {
            Connection = connection;
            this.owner = owner;
            Statements = statements;
        }

        public SqliteConnection Connection { get; }
        internal StatementSet Statements { get; }

        /// How many SQL texts have a compiled statement here (for the tests).
        public int KeptStatementCount => Statements.Count;

        /// A command that reuses this connection's compiled statements (what EF gets).
        public DbCommand CreateCommand() => new KeptCommand(Statements);

        /// No transaction open and no statement stepped but not reset (a reader left open would keep
        /// a read transaction and hold back the WAL's checkpoints).
        internal bool IsClean()
        {
            if (Connection.State != ConnectionState.Open || Connection.Handle is not { } db) return false;
            if (raw.sqlite3_get_autocommit(db) == 0) return false;
            for (var stmt = raw.sqlite3_next_stmt(db, null); stmt is not null && !stmt.IsInvalid; stmt = raw.sqlite3_next_stmt(db, stmt))
                if (raw.sqlite3_stmt_busy(stmt) != 0) return false;
            return true;
        }

        public void Dispose()
        {
            KeptStatements.Remove(Connection);
            Statements.Dispose();
            // A connection EF made is closed here and let go with its context (back to EF's pool,
            // which keeps the connection object for that context's next use).
            if (owner is null)
                Connection.Dispose();
            else
            {
                Connection.Close();
                owner.Dispose();
            }
        }
    }
}

/// The commands a kept connection compiled, one per SQL text.
internal sealed class StatementSet(SqliteConnection connection) : IDisposable
{
    /// Distinct SQL texts kept per connection; past this, the set starts again (queries whose text
    /// changes with the data, such as long IN lists, cannot fill the memory).
    public const int MaxStatements = 256;

    private readonly Dictionary<string, Entry> statements = new(StringComparer.Ordinal);

    internal sealed class Entry(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;
        public SqliteDataReader? Reader { get; set; }
        public bool Busy => Reader is { IsClosed: false };
    }

    public SqliteConnection Connection => connection;

    public int Count => statements.Count;

    /// The command kept for this text, or null when the kept one is still being read (the same
    /// query run again before its first reader ended): the caller then uses a command of its own.
    public Entry? Kept(string text)
    {
        if (statements.TryGetValue(text, out var entry)) return entry.Busy ? null : entry;
        if (statements.Count >= MaxStatements)
        {
            if (statements.Values.Any(e => e.Busy)) return null;
            Clear();
        }
        var command = connection.CreateCommand();
        command.CommandText = text;
        entry = new Entry(command);
        statements.Add(text, entry);
        return entry;
    }

    private void Clear()
    {
        foreach (var e in statements.Values) e.Command.Dispose();
        statements.Clear();
    }

    public void Dispose() => Clear();
}

/// What EF holds: the text, parameters and transaction of one execution. Running it binds them to
/// the connection's kept command for that text (compiled at its first run, then reused).
internal sealed class KeptCommand(StatementSet statements) : DbCommand
{
    private readonly KeptParameters parameters = new();
    private SqliteCommand? own;
    private string text = string.Empty;

    private sealed class KeptParameters : SqliteParameterCollection;

    [AllowNull]
    public override string CommandText { get => text; set => text = value ?? string.Empty; }
    public override int CommandTimeout { get; set; } = statements.Connection.DefaultTimeout;
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set { if (value != CommandType.Text) throw new ArgumentException("SQLite only runs text commands.", nameof(value)); }
    }
    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }
    protected override DbConnection? DbConnection
    {
        get => statements.Connection;
        set { if (!ReferenceEquals(value, statements.Connection)) throw new NotSupportedException("A kept command stays on its connection."); }
    }
    protected override DbParameterCollection DbParameterCollection => parameters;
    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() => own?.Cancel();
    public override void Prepare() { }
    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    private (SqliteCommand Command, StatementSet.Entry? Entry) Bind()
    {
        var entry = statements.Kept(text);
        SqliteCommand command;
        if (entry is not null)
            command = entry.Command;
        else
        {
            own?.Dispose();
            command = own = statements.Connection.CreateCommand();
            command.CommandText = text;
        }
        command.Parameters.Clear();
        foreach (SqliteParameter p in parameters) command.Parameters.Add(p);
        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        return (command, entry);
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var (command, entry) = Bind();
        var reader = command.ExecuteReader(behavior);
        if (entry is not null) entry.Reader = reader;
        return reader;
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var (command, entry) = Bind();
        var reader = await command.ExecuteReaderAsync(behavior, cancellationToken);
        if (entry is not null) entry.Reader = reader;
        return reader;
    }

    public override int ExecuteNonQuery() => Bind().Command.ExecuteNonQuery();

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Bind().Command.ExecuteNonQueryAsync(cancellationToken);

    public override object? ExecuteScalar() => Bind().Command.ExecuteScalar();

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Bind().Command.ExecuteScalarAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            own?.Dispose();
            own = null;
        }
        base.Dispose(disposing);
    }
}
