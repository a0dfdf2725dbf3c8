namespace Portal.Documents.Templates;

public enum FieldKind { Text, Date, Amount, Number, Flag, List, Image }

/// One field a document offers its templates. A list's <see cref="Items"/> are the fields of each
/// item (`axe.objectif` inside `{{#plan.axes}}`), usable only inside the list's block.
public sealed record FieldDefinition(string Path, FieldKind Kind, string Label, string Example, IReadOnlyList<FieldDefinition> Items)
{
    public static FieldDefinition Text(string path, string label, string example) => new(path, FieldKind.Text, label, example, []);
    public static FieldDefinition Date(string path, string label, string example) => new(path, FieldKind.Date, label, example, []);
    public static FieldDefinition Amount(string path, string label, string example) => new(path, FieldKind.Amount, label, example, []);
    public static FieldDefinition Number(string path, string label, string example) => new(path, FieldKind.Number, label, example, []);
    public static FieldDefinition Flag(string path, string label, string example) => new(path, FieldKind.Flag, label, example, []);
    public static FieldDefinition Image(string path, string label, string example) => new(path, FieldKind.Image, label, example, []);
    public static FieldDefinition List(string path, string label, string example, params FieldDefinition[] items) => new(path, FieldKind.List, label, example, items);

    /// How the field is written in a template: `{{menage.nom}}`, `{{#plan.axes}} … {{/plan.axes}}`, `{{%association.logo}}`.
    public string Usage => Kind switch
    {
        FieldKind.List => $"{{{{#{Path}}}}} … {{{{/{Path}}}}}",
        FieldKind.Flag => $"{{{{?{Path}}}}} … {{{{/{Path}}}}}",
        FieldKind.Image => $"{{{{%{Path}}}}}",
        _ => $"{{{{{Path}}}}}",
    };
}

/// The fields one kind of document offers: what the template check accepts and what the help page lists.
public sealed record DocumentDictionary(string Kind, string Title, IReadOnlyList<FieldDefinition> Fields)
{
    /// Every field with the list it belongs to (null at the top level), depth first.
    public IEnumerable<(FieldDefinition Field, FieldDefinition? List)> All()
    {
        static IEnumerable<(FieldDefinition, FieldDefinition?)> Walk(IEnumerable<FieldDefinition> fields, FieldDefinition? list)
        {
            foreach (var field in fields)
            {
                yield return (field, list);
                foreach (var inner in Walk(field.Items, field))
                    yield return inner;
            }
        }
        return Walk(Fields, null);
    }
}
